using LogGuard.Core.Monitoring;

namespace LogGuard.Api.Detection;

/// <summary>The verdicts, in the order of the lines sent.</summary>
public sealed class DetectResponse
{
    /// <summary>The system state the verdicts were made in: NORMAL, WARNING or DEGRADED (rules decide).</summary>
    /// <example>NORMAL</example>
    public required SystemState State { get; init; }

    /// <summary>The model that scored the lines, or "none" when no model is loaded.</summary>
    /// <example>sdca-20261122-0248323f</example>
    public required string ModelVersion { get; init; }

    /// <summary>False when the model file is missing or corrupt: every verdict then comes from the rules.</summary>
    /// <example>true</example>
    public required bool ModelLoaded { get; init; }

    /// <summary>The rules file's version.</summary>
    /// <example>2026.11.22-1</example>
    public required string RulesVersion { get; init; }

    /// <summary>The id under which the request's verdicts are audited (also in the X-Request-Id header).</summary>
    /// <example>0HN8M2JQ4V1B6:00000001</example>
    public required string RequestId { get; init; }

    /// <summary>results[i] answers lines[i].</summary>
    public required IReadOnlyList<LineResult> Results { get; init; }
}

/// <summary>The verdict on one line, with its evidence.</summary>
public sealed class LineResult
{
    /// <summary>The audit row's id; the row is committed before the response is sent.</summary>
    /// <example>123</example>
    public required long Id { get; init; }

    /// <summary>"suspicious" or "normal".</summary>
    /// <example>suspicious</example>
    public required string Label { get; init; }

    /// <summary>The probability of "suspicious" that the decision used.</summary>
    /// <example>0.97</example>
    public required double Score { get; init; }

    /// <summary>How sure the decision is: |2·score − 1|.</summary>
    /// <example>0.94</example>
    public required double Confidence { get; init; }

    /// <summary>"rules", "model" or "hybrid" (see the decision table in the README).</summary>
    /// <example>model</example>
    public required string DecidedBy { get; init; }

    /// <summary>True when the rules decided because the model may not (DEGRADED) or cannot (not loaded).</summary>
    /// <example>false</example>
    public required bool FallbackUsed { get; init; }

    /// <summary>True when rules and model disagree strongly, or the model is unsure.</summary>
    /// <example>false</example>
    public required bool NeedsReview { get; init; }

    /// <summary>"none" for a normal line; "low", "medium", "high" or "critical" by the score bands of the Hybrid section.</summary>
    /// <example>critical</example>
    public required string Severity { get; init; }

    public required RuleResult Rules { get; init; }

    /// <summary>Null when no model is loaded.</summary>
    public required ModelResult? Model { get; init; }
}

/// <summary>What the rule engine found.</summary>
public sealed class RuleResult
{
    /// <summary>Combined weight of the triggered rules (noisy-or), in [0, 1].</summary>
    /// <example>0.75</example>
    public required double Score { get; init; }

    public required IReadOnlyList<TriggeredRuleResult> Triggered { get; init; }
}

/// <summary>A rule that fired.</summary>
public sealed class TriggeredRuleResult
{
    /// <example>LG-AUTH-001</example>
    public required string Id { get; init; }

    /// <example>Authentication failed.</example>
    public required string Description { get; init; }

    /// <example>auth_failure</example>
    public required string Category { get; init; }

    /// <example>0.75</example>
    public required double Weight { get; init; }
}

/// <summary>What the model said, also in fallback (shadow scoring).</summary>
public sealed class ModelResult
{
    /// <example>0.97</example>
    public required double Probability { get; init; }

    /// <summary>True when most of the line's words never occurred in training: the model's probability is shown but did not decide.</summary>
    /// <example>false</example>
    public required bool Unfamiliar { get; init; }

    /// <summary>
    /// With <c>?explain=true</c>, for suspicious and review lines the model decided: the features that pushed the
    /// probability most towards suspicious (positive weight, log-odds) and towards normal (negative). Empty otherwise.
    /// </summary>
    public required IReadOnlyList<ModelEvidenceResult> Evidence { get; init; }
}

/// <summary>One feature's push on the model's probability.</summary>
public sealed class ModelEvidenceResult
{
    /// <example>union select</example>
    public required string Feature { get; init; }

    /// <example>1.42</example>
    public required double Weight { get; init; }
}
