using LogGuard.Core.Detection.Hybrid;

namespace LogGuard.Api.Detection;

/// <summary>The lower-case names the API and the audit store use.</summary>
internal static class DecisionNames
{
    public static string Of(DecisionSource source) => source switch
    {
        DecisionSource.Rules => "rules",
        DecisionSource.Model => "model",
        _ => "hybrid",
    };

    public static string Of(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Low => "low",
        AlertSeverity.Medium => "medium",
        AlertSeverity.High => "high",
        AlertSeverity.Critical => "critical",
        _ => "none",
    };
}
