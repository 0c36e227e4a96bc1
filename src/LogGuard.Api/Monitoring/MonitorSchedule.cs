using LogGuard.Api.Scheduling;
using LogGuard.Core.Monitoring;
using Microsoft.Extensions.Options;
using Quartz;

namespace LogGuard.Api.Monitoring;

/// <summary>
/// Schedules the monitor job from the validated options when the host starts, rather than when services are
/// registered, so the interval and the on/off switch are read from the final configuration.
/// </summary>
internal sealed class MonitorSchedule(ISchedulerFactory schedulers, IOptions<MonitoringOptions> options, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await RecurringJobs.EnsureScheduledAsync<MonitorJob>(scheduler, MonitorJob.Name, TimeSpan.FromSeconds(options.Value.IntervalSeconds), time, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
