using System.Text.RegularExpressions;
using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Core.Detection.Rules;

/// <summary>A validated rule, ready to run.</summary>
public sealed class CompiledRule
{
    private readonly Regex? _pattern;
    private readonly Regex? _unless;
    private readonly bool _onRaw;
    private readonly HashSet<string> _levels;
    private readonly HashSet<LogFormat> _formats;
    private readonly double _slowThresholdMs;

    public CompiledRule(RuleDefinition definition, Regex? pattern, Regex? unless, IEnumerable<LogFormat> formats, double slowThresholdMs)
    {
        _unless = unless;
        Definition = definition;
        Evidence = new TriggeredRule(definition.Id, definition.Description, definition.Category, definition.Weight);
        _pattern = pattern;
        _onRaw = string.Equals(definition.On, "raw", StringComparison.OrdinalIgnoreCase);
        _levels = new HashSet<string>(definition.Levels, StringComparer.OrdinalIgnoreCase);
        _formats = [.. formats];
        _slowThresholdMs = slowThresholdMs;
    }

    public RuleDefinition Definition { get; }

    /// <summary>The pattern runs on the line as sent rather than on the decoded line.</summary>
    public bool OnRaw => _onRaw;

    public TriggeredRule Evidence { get; }

    public bool Matches(string rawLine, string decodedLine, LineShape shape)
    {
        if (_formats.Count > 0 && !_formats.Contains(shape.Format))
        {
            return false;
        }

        var text = _onRaw ? rawLine : decodedLine;
        return MatchesPatternOrCondition(text, decodedLine, shape) && (_unless is null || !_unless.IsMatch(text));
    }

    private bool MatchesPatternOrCondition(string text, string decodedLine, LineShape shape)
    {
        if (_pattern is not null)
        {
            return Definition.MinCount <= 1 ? _pattern.IsMatch(text) : _pattern.Count(text) >= Definition.MinCount;
        }

        return Definition.Condition switch
        {
            RuleConditions.Level => shape.Level is not null && _levels.Contains(shape.Level),
            RuleConditions.SlowDuration => DurationParser.LongestMilliseconds(decodedLine) > _slowThresholdMs,
            _ => false,
        };
    }
}
