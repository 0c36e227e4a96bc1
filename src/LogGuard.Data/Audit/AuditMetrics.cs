using System.Diagnostics.Metrics;

namespace LogGuard.Data.Audit;

/// <summary>The audit path's instruments, on the service's meter: queue depth, commit sizes and rejected requests.</summary>
public sealed class AuditMetrics
{
    public const string MeterName = "LogGuard";

    private readonly Histogram<int> _batchLines;
    private readonly Counter<long> _rejections;

    public AuditMetrics(IMeterFactory meters, AuditQueue queue)
    {
        var meter = meters.Create(MeterName);
        _batchLines = meter.CreateHistogram<int>(
            "logguard.audit.commit.lines", "{line}", "Lines per audit commit: many requests share one commit under load.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] });
        _rejections = meter.CreateCounter<long>("logguard.rejections", "{request}", "Requests refused before screening, by reason.");
        meter.CreateObservableGauge("logguard.audit.queue.lines", () => queue.QueuedLines, "{line}", "Lines waiting for the audit writer.");
    }

    public void Committed(int lines) => _batchLines.Record(lines);

    public void Rejected(string reason) => _rejections.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
