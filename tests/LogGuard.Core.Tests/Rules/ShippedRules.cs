using LogGuard.Core.Detection.Preprocessing;
using LogGuard.Core.Detection.Rules;

namespace LogGuard.Core.Tests.Rules;

/// <summary>The rules file as shipped, evaluated the way the detector evaluates it.</summary>
public static class ShippedRules
{
    public static RuleSet Set { get; } = RuleSetLoader.LoadFile(RepositoryPaths.RulesFile, new RuleOptions());

    public static RuleEvaluation Evaluate(string line) => Set.Evaluate(line, LineDecoder.Decode(line), LineShapeDetector.Detect(line));

    public static IReadOnlyList<string> Fired(string line) => [.. Evaluate(line).Triggered.Select(rule => rule.Id)];
}
