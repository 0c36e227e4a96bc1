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

        var interval = TimeSpan.FromSeconds(options.Value.IntervalSeconds);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(MonitorJob.Name + "-trigger")
            .StartAt(time.GetUtcNow() + interval)
            .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever())
            .Build();
        var job = JobBuilder.Create<MonitorJob>().WithIdentity(MonitorJob.Name).Build();

        // With a shared job store another instance (or this one, before a restart) may have scheduled the job
        // already. Replacing a schedule that is about to fire would add a run; it is replaced only when the
        // interval has changed.
        if (await scheduler.GetTrigger(trigger.Key, cancellationToken) is ISimpleTrigger existing)
        {
            if (existing.RepeatInterval != interval)
            {
                await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
            }

            return;
        }

        try
        {
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another instance starting at the same moment scheduled it first.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
