using System.Globalization;
using System.Text;
using System.Text.Json;
using LogGuard.Core.Evaluation;
using static LogGuard.Training.Evaluation.MarkdownTable;

namespace LogGuard.Training.Evaluation;

/// <summary>Writes the never-seen figures as Markdown (for people) and JSON (for tools).</summary>
public static class NeverSeenReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <param name="notRun">Families left out of this run (<c>--families</c>); the report names them.</param>
    /// <param name="tooSmall">Families too small to be run alone; the report names them too.</param>
    public static void Write(IReadOnlyList<NeverSeenResult> results, IReadOnlyList<string> notRun, IReadOnlyList<string> tooSmall, string modelsDirectory)
    {
        File.WriteAllText(Path.Combine(modelsDirectory, "evaluation-never-seen.json"), JsonSerializer.Serialize(new { results, notRun, tooSmall }, Json));
        File.WriteAllText(Path.Combine(modelsDirectory, "evaluation-never-seen.md"), ToMarkdown(results, notRun, tooSmall));
    }

    public static string ToMarkdown(IReadOnlyList<NeverSeenResult> results, IReadOnlyList<string> notRun, IReadOnlyList<string> tooSmall)
    {
        var md = new StringBuilder("# Never-seen families\n\n");
        md.Append("Each row is a family of lines left out of training entirely: the SDCA model was trained as the shipped one, ");
        md.Append("on the training split of every other family, and then scored on every line of this one. ");
        md.Append("Recall is over the family's suspicious lines, the false-positive rate over its normal lines (95% Wilson intervals); ");
        md.Append("a dash means the family has no line of that class.\n\n");
        if (tooSmall.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"Families of fewer than {NeverSeenEvaluation.MinimumFamilySize} lines would give intervals too wide to mean anything: they are not run alone, and every model trains on them: {string.Join(", ", tooSmall)}.\n\n");
        }

        if (notRun.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"This run covered {results.Count} of {results.Count + notRun.Count} families; not run: {string.Join(", ", notRun)}. ");
            md.Append("`never-seen` without `--families` runs them all.\n\n");
        }

        md.Append("## By kind of family\n\nEach family's figures come from the model that never saw it; here they are pooled over the families of one kind.\n\n");
        Header(md, ByKindColumns);
        foreach (var row in ByKind(results))
        {
            Row(md, row);
        }

        md.Append("\n## Every family\n\n");
        Header(md, "family", "lines", "suspicious", "rules recall", "model recall", "hybrid recall", "rules FPR", "model FPR", "hybrid FPR", "needs review");
        foreach (var result in results)
        {
            var normal = result.Lines - result.Suspicious;
            Row(md, result.Family, result.Lines, result.Suspicious,
                RateOf(result.Rules.Confusion.TruePositive, result.Suspicious), RateOf(result.Model.Confusion.TruePositive, result.Suspicious), RateOf(result.Hybrid.Confusion.TruePositive, result.Suspicious),
                RateOf(result.Rules.Confusion.FalsePositive, normal), RateOf(result.Model.Confusion.FalsePositive, normal), RateOf(result.Hybrid.Confusion.FalsePositive, normal),
                string.Create(CultureInfo.InvariantCulture, $"{result.NeedsReview.Rate:0.0%}"));
        }

        return md.ToString();
    }

    public static readonly string[] ByKindColumns = ["kind", "families", "lines", "suspicious", "model recall", "hybrid recall", "model FPR", "hybrid FPR", "needs review"];

    /// <summary>Each kind of family, its families' figures pooled: the Markdown report's table, and the console's.</summary>
    public static IEnumerable<string[]> ByKind(IReadOnlyList<NeverSeenResult> results)
    {
        foreach (var kind in results.GroupBy(result => KindOf(result.Family), StringComparer.Ordinal))
        {
            var lines = kind.Sum(result => result.Lines);
            var suspicious = kind.Sum(result => result.Suspicious);
            var normal = lines - suspicious;
            yield return
            [
                kind.Key,
                kind.Count().ToString(CultureInfo.InvariantCulture),
                lines.ToString(CultureInfo.InvariantCulture),
                suspicious.ToString(CultureInfo.InvariantCulture),
                RateOf(kind.Sum(result => result.Model.Confusion.TruePositive), suspicious),
                RateOf(kind.Sum(result => result.Hybrid.Confusion.TruePositive), suspicious),
                RateOf(kind.Sum(result => result.Model.Confusion.FalsePositive), normal),
                RateOf(kind.Sum(result => result.Hybrid.Confusion.FalsePositive), normal),
                string.Create(CultureInfo.InvariantCulture, $"{(double)kind.Sum(result => result.NeedsReview.Count) / lines:0.0%}"),
            ];
        }
    }

    private static string KindOf(string family) =>
        family.StartsWith(Corpus.SiteTraffic.SourcePrefix, StringComparison.Ordinal) ? "generated sites" : family.Split('/')[0];

    private static string RateOf(int count, int total) => total == 0 ? "–" : Rate(Proportion.Of(count, total));
}
