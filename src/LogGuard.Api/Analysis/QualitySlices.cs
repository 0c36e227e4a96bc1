using LogGuard.Core.Detection.Rules;
using LogGuard.Core.Evaluation;
using LogGuard.Data.Analysis;

namespace LogGuard.Api.Analysis;

/// <summary>The groups a labelled live prediction is sliced by: source, format, level, rule category and length.</summary>
internal sealed class QualitySlices(RuleSet rules)
{
    private static readonly int[] LengthBounds = [64, 128, 256, 512, 1024];

    private readonly Dictionary<string, (string Category, double Weight)> _rules = rules.Rules.ToDictionary(
        rule => rule.Definition.Id, rule => (rule.Definition.Category, rule.Definition.Weight), StringComparer.Ordinal);

    public IReadOnlyList<SliceKey> Of(LabelledPrediction prediction) =>
    [
        new("source", prediction.Source ?? "(none)"),
        new("format", prediction.Format),
        new("level", prediction.Level ?? "(none)"),
        new("rule_category", StrongestCategory(prediction.TriggeredRuleIds)),
        new("length", LengthBin(prediction.LineLength)),
    ];

    // One value per dimension: the category of the heaviest rule that fired, as the verdict leaned on it most.
    private string StrongestCategory(string triggeredRuleIds) =>
        triggeredRuleIds.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => _rules.TryGetValue(id, out var rule) ? rule : ("unknown", 0))
            .OrderByDescending(rule => rule.Item2)
            .Select(rule => rule.Item1)
            .FirstOrDefault() ?? "none";

    private static string LengthBin(int length)
    {
        var lower = 1;
        foreach (var bound in LengthBounds)
        {
            if (length <= bound)
            {
                return $"{lower}-{bound}";
            }

            lower = bound + 1;
        }

        return $">{LengthBounds[^1]}";
    }
}
