using LogGuard.Core.Monitoring.Signals;

namespace LogGuard.Core.Monitoring.Explanations;

/// <summary>What an explainer is given: the stored evidence of an incident, nothing else.</summary>
public sealed record IncidentEvidence(
    long IncidentId,
    SystemState Severity,
    SystemState FromState,
    SystemState ToState,
    string Reason,
    bool FallbackActivated,
    IReadOnlyList<SignalResult> Signals,
    long WindowPredictions);

public sealed record Explanation(string Summary, string Recommendations);

/// <summary>
/// Writes a plain-English account of an incident. It runs after the state has changed and is committed,
/// and it has no way to change it: it returns text, and a failure only loses the text.
/// </summary>
public interface IIncidentExplainer
{
    string Name { get; }

    Task<Explanation> ExplainAsync(IncidentEvidence evidence, CancellationToken cancellationToken);
}
