using LogGuard.Api.Scheduling;
using LogGuard.Data.Audit;
using Microsoft.Extensions.Options;
using Quartz;

namespace LogGuard.Api.Retention;

/// <summary>Schedules the retention job from the validated options; with retention off nothing is scheduled.</summary>
internal sealed class RetentionSchedule(ISchedulerFactory schedulers, IOptions<AuditOptions> options, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RetentionDays == 0)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await RecurringJobs.EnsureScheduledAsync<RetentionJob>(scheduler, RetentionJob.Name, TimeSpan.FromMinutes(options.Value.RetentionIntervalMinutes), time, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
