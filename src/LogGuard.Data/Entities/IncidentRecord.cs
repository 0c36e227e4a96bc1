using LogGuard.Core.Monitoring;

namespace LogGuard.Data.Entities;

public sealed class IncidentRecord
{
    public long Id { get; set; }

    public DateTime DetectedAt { get; set; }

    /// <summary>WARNING or DEGRADED: the worst state the incident reached.</summary>
    public required SystemState Severity { get; set; }

    /// <summary>JSON array of the signals that were not NORMAL when the incident opened or escalated.</summary>
    public required string TriggerSignals { get; set; }

    public required string DecisionReason { get; set; }

    public bool FallbackActivated { get; set; }

    public bool Resolved { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public DateTime? AcknowledgedAt { get; set; }
}
