namespace LogGuard.Core.Detection.Rules;

/// <summary>The rules file: a version that is audited with every verdict, and the rules.</summary>
public sealed class RuleFile
{
    public string Version { get; init; } = "";

    public IReadOnlyList<RuleDefinition> Rules { get; init; } = [];
}
