using LogGuard.Core.Detection;
using LogGuard.Core.Detection.Masking;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Preprocessing;
using LogGuard.Core.Evaluation;
using LogGuard.Training.Corpus;

namespace LogGuard.Training.Evaluation;

/// <summary>Scores labelled lines with the rules alone, the model alone and the hybrid, per source, and keeps the misses.</summary>
public sealed class DetectorComparison(Detector detector, double ruleThreshold, double modelThreshold)
{
    public const int ExamplesPerFailure = 5;

    public static readonly string[] Detectors = ["rules", "model", "hybrid"];

    public ComparisonReport Compare(IReadOnlyList<LabelledLine> lines)
    {
        var outcomes = new Dictionary<(string Source, string Detector), List<ScoredOutcome>>();
        var failures = new List<Failure>();
        const int BatchSize = 512;
        for (var start = 0; start < lines.Count; start += BatchSize)
        {
            var batch = lines.Skip(start).Take(BatchSize).ToList();
            var analyses = detector.Analyze(batch.Select(line => line.Text).ToList(), fallback: false);
            for (var i = 0; i < batch.Count; i++)
            {
                var line = batch[i];
                var analysis = analyses[i];
                var probability = analysis.ModelProbability ?? 0;
                Record(line, "rules", analysis.Rules.Score >= ruleThreshold, analysis.Rules.Score);
                Record(line, "model", probability >= modelThreshold, probability);
                Record(line, "hybrid", analysis.Verdict.Suspicious, analysis.Verdict.Score);
            }
        }

        var rows = outcomes
            .OrderBy(pair => pair.Key.Source, StringComparer.Ordinal)
            .ThenBy(pair => Array.IndexOf(Detectors, pair.Key.Detector))
            .Select(pair => new ComparisonRow(pair.Key.Source, pair.Key.Detector, ClassificationMetricsCalculator.Compute(pair.Value)))
            .ToList();
        return new ComparisonReport(rows, failures);

        void Record(LabelledLine line, string detectorName, bool predicted, double score)
        {
            foreach (var source in new[] { line.Source, "ALL" })
            {
                if (!outcomes.TryGetValue((source, detectorName), out var list))
                {
                    outcomes[(source, detectorName)] = list = [];
                }

                list.Add(new ScoredOutcome(line.Suspicious, predicted, score));
            }

            if (predicted != line.Suspicious
                && failures.Count(f => f.Source == line.Source && f.Detector == detectorName && f.Actual == line.Suspicious) < ExamplesPerFailure)
            {
                failures.Add(new Failure(line.Source, detectorName, line.Suspicious, Math.Round(score, 4), Truncate(SecretMasker.Mask(line.Text).Text)));
            }
        }
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}

public sealed record ComparisonRow(string Source, string Detector, ClassificationMetrics Metrics);

/// <summary>A line a detector got wrong: <see cref="Actual"/> true is a miss, false a false alarm.</summary>
public sealed record Failure(string Source, string Detector, bool Actual, double Score, string MaskedText);

public sealed record ComparisonReport(IReadOnlyList<ComparisonRow> Rows, IReadOnlyList<Failure> Failures);
