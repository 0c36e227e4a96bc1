namespace LogGuard.Core.Detection.Hybrid;

/// <summary>How urgently a verdict deserves attention, from the hybrid score by the configured bands, so alerts can be routed without re-deriving them.</summary>
public enum AlertSeverity
{
    /// <summary>The line is normal.</summary>
    None,

    /// <summary>Suspicious, with a score below <see cref="HybridOptions.MediumSeverityFrom"/>.</summary>
    Low,

    Medium,

    High,

    Critical,
}
