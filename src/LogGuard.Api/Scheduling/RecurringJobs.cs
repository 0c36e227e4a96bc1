using Quartz;

namespace LogGuard.Api.Scheduling;

internal static class RecurringJobs
{
    /// <summary>
    /// Makes sure <typeparamref name="TJob"/> runs every <paramref name="interval"/>, first after one interval.
    /// With a shared job store another instance (or this one, before a restart) may have scheduled it already;
    /// replacing a schedule that is about to fire would add a run, so it is replaced only when the interval changed.
    /// </summary>
    public static async Task EnsureScheduledAsync<TJob>(IScheduler scheduler, string name, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity(name + "-trigger")
            .StartAt(time.GetUtcNow() + interval)
            .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever())
            .Build();
        var job = JobBuilder.Create<TJob>().WithIdentity(name).Build();

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
}
