using LogGuard.Data.Monitoring;
using Quartz;

namespace LogGuard.Api.Monitoring;

/// <summary>The Quartz adapter: the logic is in <see cref="MonitorService"/>. Never two runs at once.</summary>
[DisallowConcurrentExecution]
public sealed partial class MonitorJob(MonitorService monitor, Observability.LogGuardMetrics metrics, TimeProvider time, ILogger<MonitorJob> logger) : IJob
{
    public const string Name = "monitor";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var started = time.GetTimestamp();
            var result = await monitor.RunOnceAsync(cancellationToken);
            metrics.MonitorRan(result.Signals, time.GetElapsedTime(started), time.GetUtcNow());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A failed run changes nothing; the next one covers its window too.
            LogRunFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Monitor run failed; the state is unchanged")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
