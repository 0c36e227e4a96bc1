using System.Diagnostics;
using LogGuard.Core.Detection;
using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Rules;
using LogGuard.Core.Evaluation;
using LogGuard.Training.Corpus;
using Microsoft.ML;

namespace LogGuard.Training.Evaluation;

/// <summary>How LogGuard did on one family of lines that was left out of training entirely.</summary>
/// <param name="NeedsReview">Share of the family's lines the hybrid asked a human to look at.</param>
public sealed record NeverSeenResult(
    string Family,
    int Lines,
    int Suspicious,
    ClassificationMetrics Rules,
    ClassificationMetrics Model,
    ClassificationMetrics Hybrid,
    Proportion NeedsReview);

/// <summary>
/// Leave-one-family-out: for each family (an attack family, a loghub system, a synthetic format), a model and its
/// vocabulary are built exactly as the shipped ones but without any line of that family, and then scored on all of it. These
/// are the figures for logs LogGuard has never seen; the held-out groups only measure new lines of known sources.
/// </summary>
public static class NeverSeenEvaluation
{
    /// <summary>Families smaller than this give figures too wide to mean anything and are not run alone.</summary>
    public const int MinimumFamilySize = 30;

    /// <summary>Every family large enough to be run alone, in name order.</summary>
    public static IReadOnlyList<string> Families(IReadOnlyList<LabelledLine> corpus) =>
        [.. corpus.GroupBy(line => line.Family, StringComparer.Ordinal)
            .Where(family => family.Count() >= MinimumFamilySize)
            .Select(family => family.Key)
            .Order(StringComparer.Ordinal)];

    /// <summary>The families too small to be run alone, each with its line count: every model trains on them.</summary>
    public static IReadOnlyList<string> TooSmall(IReadOnlyList<LabelledLine> corpus) =>
        [.. corpus.GroupBy(line => line.Family, StringComparer.Ordinal)
            .Where(family => family.Count() < MinimumFamilySize)
            .OrderBy(family => family.Key, StringComparer.Ordinal)
            .Select(family => $"{family.Key} ({family.Count()} lines)")];

    /// <param name="answers">
    /// Where each family's model answers are kept (one file per family): written as the family is scored, or, with
    /// <paramref name="replay"/>, read instead of training, so that the rules and the hybrid decision are re-scored
    /// against exactly the models of the last full run.
    /// </param>
    public static IReadOnlyList<NeverSeenResult> Run(
        IReadOnlyList<LabelledLine> corpus, RuleSet rules, HybridOptions hybrid, int seed, Action<string> report,
        Func<string, bool>? includeFamily = null, string? answers = null, bool replay = false)
    {
        var results = new List<NeverSeenResult>();
        var included = Families(corpus).Where(family => includeFamily?.Invoke(family) ?? true).ToHashSet(StringComparer.Ordinal);
        var families = corpus.GroupBy(line => line.Family, StringComparer.Ordinal)
            .Where(family => included.Contains(family.Key))
            .OrderBy(family => family.Key, StringComparer.Ordinal)
            .ToList();
        var workDirectory = Directory.CreateTempSubdirectory("logguard-never-seen-");
        try
        {
            foreach (var family in families)
            {
                var clock = Stopwatch.StartNew();
                var answersPath = answers is null ? null : Path.Combine(answers, family.Key.Replace('/', '_') + ".tsv");
                RecordedModelScorer scorer;
                if (replay)
                {
                    scorer = File.Exists(answersPath)
                        ? RecordedModelScorer.Load(answersPath)
                        : throw new InvalidOperationException($"No recorded answers for {family.Key} in {answers}: run never-seen without --replay first.");
                }
                else
                {
                    scorer = RecordedModelScorer.Recording(TrainWithout(family.Key, corpus, seed, workDirectory.FullName));
                }

                var lines = family.ToList();
                var analyses = new Detector(rules, scorer, new HybridDecider(hybrid)).Analyze([.. lines.Select(line => line.Text)], fallback: false);
                if (!replay && answersPath is not null)
                {
                    scorer.Save(answersPath);
                }

                var result = Measure(family.Key, lines, analyses, hybrid);
                results.Add(result);
                report($"{family.Key}: {lines.Count} lines, model recall {result.Model.Recall:0.000} FPR {result.Model.FalsePositiveRate:0.000}, hybrid recall {result.Hybrid.Recall:0.000} FPR {result.Hybrid.FalsePositiveRate:0.000} ({clock.Elapsed.TotalSeconds:0}s)");
            }
        }
        finally
        {
            workDirectory.Delete(recursive: true);
        }

        return results;
    }

    private static MlNetModelScorer TrainWithout(string family, IReadOnlyList<LabelledLine> corpus, int seed, string workDirectory)
    {
        var context = new MLContext(seed);
        var trained = ModelTrainer.Train(context, [.. corpus.Where(line => !line.IsTest && line.Family != family)], ModelKind.Sdca, seed);
        var modelPath = Path.Combine(workDirectory, "model.zip");
        var vocabularyPath = Path.Combine(workDirectory, "vocabulary.txt");
        context.Model.Save(trained.Model, null, modelPath);
        ModelVocabulary.Write(trained.Fitted.Select(example => example.Text), vocabularyPath);
        return MlNetModelScorer.LoadFile(modelPath, vocabularyPath, Path.Combine(workDirectory, "no-metadata.json"));
    }

    // The same detectors, at the same thresholds, as the evaluate command reads them.
    private static NeverSeenResult Measure(string family, List<LabelledLine> lines, LineAnalysis[] analyses, HybridOptions hybrid)
    {
        var evaluated = lines.Select((line, i) => new EvaluatedLine(new LabelledInputLine(i + 1, line.Text, line.Suspicious, []), analyses[i], null)).ToList();
        var detectors = EvaluationDetector.All(hybrid).ToDictionary(detector => detector.Name, StringComparer.Ordinal);
        ClassificationMetrics Metrics(string name) =>
            ClassificationMetricsCalculator.Compute([.. evaluated.Select(detectors[name].Outcome).OfType<ScoredOutcome>()]);

        return new NeverSeenResult(
            family,
            lines.Count,
            lines.Count(line => line.Suspicious),
            Metrics(EvaluationDetector.Rules),
            Metrics(EvaluationDetector.Model),
            Metrics(EvaluationDetector.Hybrid),
            Proportion.Of(analyses.Count(analysis => analysis.Verdict.NeedsReview), lines.Count));
    }
}
