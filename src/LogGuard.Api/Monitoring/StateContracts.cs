using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.Signals;

namespace LogGuard.Api.Monitoring;

/// <summary>The service's health state, cheap enough to poll every second.</summary>
public sealed record StateResponse(
    SystemState State,
    bool FallbackActive,
    DateTime Since,
    string Reason,
    string ModelVersion,
    BaselineStatus Baseline,
    LastRun? LastRun,
    Streaks Streaks,
    long? OpenIncidentId);

/// <summary>BASELINING until the model version's first Monitoring:BaselineSize predictions are in, then READY.</summary>
public sealed record BaselineStatus(string Status, long SampleSize);

public sealed record LastRun(DateTime At, DateTime WindowStart, DateTime WindowEnd, long PredictionCount, string Severity, IReadOnlyList<SignalView> Signals);

public sealed record SignalView(string Name, double Value, double Baseline, double Statistic, double PValue, double Effect, string Verdict)
{
    public static SignalView Of(SignalResult signal) =>
        new(signal.Name, signal.Value, signal.Baseline, signal.Statistic, signal.PValue, signal.Effect, SeverityNames.Of(signal.Verdict));
}

/// <summary>Consecutive runs at WARNING or worse, at CRITICAL, and at NORMAL.</summary>
public sealed record Streaks(int Deviating, int Critical, int Normal);

public sealed record IncidentSummary(long Id, DateTime DetectedAt, SystemState Severity, bool FallbackActivated, bool Resolved, DateTime? ResolvedAt, DateTime? AcknowledgedAt, string DecisionReason);

public sealed record IncidentDetail(
    long Id,
    DateTime DetectedAt,
    SystemState Severity,
    string DecisionReason,
    bool FallbackActivated,
    bool Resolved,
    DateTime? ResolvedAt,
    DateTime? AcknowledgedAt,
    IReadOnlyList<SignalView> Evidence,
    IReadOnlyList<ExplanationView> Explanations);

public sealed record ExplanationView(DateTime GeneratedAt, string Explainer, string Summary, string Recommendations);

public sealed record IncidentPage(int Page, int PageSize, int Total, IReadOnlyList<IncidentSummary> Items);

public sealed record RunView(long Id, DateTime RunAt, DateTime WindowStart, DateTime WindowEnd, long PredictionCount, string Severity, SystemState StateBefore, SystemState StateAfter, IReadOnlyList<SignalView> Signals, string? RunBy);

public sealed record BaselineView(long Id, string ModelVersion, string Origin, DateTime CreatedAt, long SampleSize, DateTime PeriodStart, DateTime PeriodEnd, Core.Monitoring.TrafficSummary Summary);
