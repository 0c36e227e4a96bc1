using System.Diagnostics;
using System.Text.Json;
using LogGuard.Core.Detection;
using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Preprocessing;
using LogGuard.Core.Detection.Rules;
using LogGuard.Core.Evaluation;
using LogGuard.Training.Corpus;
using LogGuard.Training.Evaluation;
using Microsoft.ML;

namespace LogGuard.Training;

/// <summary>Builds the corpus, trains both models, evaluates them on the held-out split and writes everything to the models folder.</summary>
public static class TrainingRun
{
    public const string SplitDescription =
        "by group: loghub lines by template (OpenSSH/Linux/others) except BGL, which is split by time (last 20% held out); "
        + "payload lines by payload value; synthetic lines by template; generated site traffic by site; 25% of groups held out";

    public static void Run(string dataDirectory, string modelsDirectory, int seed, IReadOnlyCollection<ModelKind> kinds)
    {
        var clock = Stopwatch.StartNew();
        var corpus = CorpusBuilder.Build(dataDirectory, seed);
        var fingerprint = CorpusBuilder.Write(corpus, Path.Combine(dataDirectory, "corpus", "corpus.tsv"));
        var train = corpus.Where(line => !line.IsTest).ToList();
        var test = corpus.Where(line => line.IsTest).ToList();
        Console.WriteLine($"corpus: {corpus.Count} lines ({train.Count} train, {test.Count} test), fingerprint {fingerprint[..12]}");

        var rules = RuleSetLoader.LoadFile(ModelFiles.RulesPath(modelsDirectory), new RuleOptions());
        var hybrid = new HybridOptions();
        var version = $"{DateTimeOffset.UtcNow:yyyyMMdd}-{fingerprint[..8]}";

        foreach (var kind in kinds)
        {
            var context = new MLContext(seed);
            var trained = ModelTrainer.Train(context, train, kind, seed);
            context.Model.Save(trained.Model, null, ModelFiles.ModelPath(modelsDirectory, kind));

            // Both models fit the same groups; the words they learned from are the ones the service counts as known.
            var vocabulary = ModelVocabulary.Write(trained.Fitted.Select(input => input.Text), ModelFiles.VocabularyPath(modelsDirectory));

            var scorer = MlNetModelScorer.Load(modelsDirectory, kind);
            var detector = new Detector(rules, scorer, new HybridDecider(hybrid));
            var comparison = new DetectorComparison(detector, hybrid.RuleThreshold, hybrid.ModelThreshold).Compare(test);

            if (kind == kinds.First())
            {
                // The rules do not depend on the model; one model's run gives them the whole corpus to answer for.
                RuleRecordWriter.Write(corpus, detector.Analyze([.. corpus.Select(line => line.Text)], fallback: false), Path.Combine(modelsDirectory, "rules-on-corpus.md"));
            }

            var analyses = detector.Analyze(test.Select(line => line.Text).ToList(), fallback: false);
            var reliability = Reliability.Of([.. analyses.Zip(test, (analysis, line) => (analysis.ModelProbability ?? double.NaN, line.Suspicious)).Where(pair => !double.IsNaN(pair.Item1))]);
            ReportWriter.Write(comparison, SplitDescription, modelsDirectory, $"evaluation-{ModelFiles.Name(kind)}", new Dictionary<string, Reliability> { ["model"] = reliability });
            var modelTexts = test.Select(line => ModelText.Of(line.Text)).ToList();
            var modelRow = comparison.Rows.Single(row => row.Source == "ALL" && row.Detector == "model");
            var heldOut = HeldOutStatisticsCalculator.Compute(analyses, modelTexts);
            var metadata = ModelDescription.Create(kind, $"{ModelFiles.Name(kind)}-{version}", seed, fingerprint, corpus, modelRow.Metrics, vocabulary, heldOut, trained.Calibration);
            File.WriteAllText(ModelFiles.MetadataPath(modelsDirectory, kind), JsonSerializer.Serialize(metadata, MlNetModelScorer.MetadataJson));
            Console.WriteLine($"{kind}: held-out model F1 {modelRow.Metrics.F1:0.000}, AUC {modelRow.Metrics.Auc:0.000} ({clock.Elapsed.TotalSeconds:0}s)");
            Console.WriteLine(ReportWriter.ToMarkdown(comparison, SplitDescription));
        }

        foreach (var entry in RegistryWriter.Write(modelsDirectory).Models)
        {
            Console.WriteLine($"registered {entry.Version}: {entry.Status}, golden-set accuracy {entry.GoldenAccuracy:0.000}");
        }
    }
}
