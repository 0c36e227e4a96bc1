using System.Globalization;
using System.Text;
using LogGuard.Core.Detection;
using LogGuard.Training.Corpus;

namespace LogGuard.Training.Evaluation;

/// <summary>
/// models/rules-on-corpus.md: every rule run over every line of the corpus, train and test, so a rule that fires
/// on normal lines of any source shows, with the sources it fired on. The rules are not trained, so no line here
/// is one they were fitted to; they were written by reading some of these sources, which is why the never-seen
/// figures, not these, are the measure of how they generalise.
/// </summary>
public static class RuleRecordWriter
{
    public static void Write(IReadOnlyList<LabelledLine> corpus, IReadOnlyList<LineAnalysis> analyses, string path)
    {
        var evaluated = corpus.Select((line, i) => new EvaluatedLine(new LabelledInputLine(i + 1, line.Text, line.Suspicious, []), analyses[i], null)).ToList();
        var normalCount = corpus.Count(line => !line.Suspicious);
        var md = new StringBuilder();
        md.Append("# Every rule on the whole corpus\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Each rule run over all {corpus.Count} lines of the training corpus ({normalCount} normal), least precise first. ");
        md.Append("A rule that fires on normal lines shows here with the sources of those lines; such a rule needs a narrower pattern, an `unless`, or a lower weight.\n\n");
        MarkdownTable.Header(md, "rule", "category", "weight", "fired on normal lines", "precision", "recall", "normal sources it fired on");
        foreach (var rule in EvaluationReport.RuleResults(evaluated))
        {
            var sources = corpus
                .Where((line, i) => !line.Suspicious && analyses[i].Rules.Triggered.Any(fired => fired.Id == rule.Id))
                .GroupBy(line => line.Source, StringComparer.Ordinal)
                .OrderByDescending(group => group.Count())
                .Take(3)
                .Select(group => $"{group.Key} ({group.Count()})");
            MarkdownTable.Row(md, rule.Id, rule.Category, rule.Weight.ToString("0.00", CultureInfo.InvariantCulture), rule.FiredOnNormal,
                MarkdownTable.Rate(rule.Precision), MarkdownTable.Rate(rule.Recall), string.Join(", ", sources));
        }

        File.WriteAllText(path, md.ToString());
    }
}
