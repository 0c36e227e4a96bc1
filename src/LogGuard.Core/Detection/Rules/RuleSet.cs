using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Core.Detection.Rules;

/// <summary>The loaded rules. Immutable and thread-safe: one instance serves every request.</summary>
public sealed class RuleSet(string version, IReadOnlyList<CompiledRule> rules)
{
    public string Version { get; } = version;

    public IReadOnlyList<CompiledRule> Rules { get; } = rules;

    public RuleEvaluation Evaluate(string rawLine, string decodedLine, LineShape shape)
    {
        List<TriggeredRule>? triggered = null;
        var notTriggered = 1.0;
        foreach (var rule in Rules)
        {
            if (rule.Matches(rawLine, decodedLine, shape))
            {
                (triggered ??= []).Add(rule.Evidence);
                notTriggered *= 1 - rule.Definition.Weight;
            }
        }

        // Noisy-or: independent pieces of evidence add up without ever passing 1.
        return triggered is null ? RuleEvaluation.None : new RuleEvaluation(Math.Round(1 - notTriggered, 4), triggered);
    }
}
