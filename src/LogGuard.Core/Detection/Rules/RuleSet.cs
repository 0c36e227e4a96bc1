using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Core.Detection.Rules;

/// <summary>The loaded rules. Immutable and thread-safe: one instance serves every request.</summary>
public sealed class RuleSet(string version, IReadOnlyList<CompiledRule> rules)
{
    private readonly PatternGroups _groups = new(rules);

    public string Version { get; } = version;

    public IReadOnlyList<CompiledRule> Rules { get; } = rules;

    public RuleEvaluation Evaluate(string rawLine, string decodedLine, LineShape shape)
    {
        List<TriggeredRule>? triggered = null;
        var notTriggered = 1.0;

        // Per group (zeroed by stackalloc): 0 not screened yet, 1 one of its patterns may match, -1 none does.
        Span<sbyte> screened = stackalloc sbyte[_groups.Count];
        for (var index = 0; index < Rules.Count; index++)
        {
            var rule = Rules[index];
            var group = _groups.GroupOf(index);
            if (group >= 0)
            {
                if (screened[group] == 0)
                {
                    screened[group] = _groups.AnyMightMatch(group, rule.OnRaw ? rawLine : decodedLine) ? (sbyte)1 : (sbyte)-1;
                }

                if (screened[group] < 0)
                {
                    continue;
                }
            }

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
