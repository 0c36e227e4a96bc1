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
using Spectre.Console;

namespace LogGuard.Training;

/// <summary>Builds the corpus, trains both models, evaluates them on the held-out split and writes everything to the models folder.</summary>
public static class TrainingRun
{
    public const string SplitDescription =
        "by group: loghub lines by template (OpenSSH/Linux/others) except BGL, which is split by time (last 20% held out); "
        + "payload lines by payload value; synthetic lines by template; generated site traffic by site; 25% of groups held out";

    public static void Run(string dataDirectory, string modelsDirectory, int seed, IReadOnlyCollection<ModelKind> kinds, IAnsiConsole console)
    {
        var summary = new Table().AddColumns("model", "version", "F1", "hybrid F1", "precision", "recall", "FPR", "ECE", "golden");
        console.Progress().Start(progress =>
        {
            var corpusTask = progress.AddTask("Building the corpus", maxValue: 1);
            var trainTasks = kinds.ToDictionary(kind => kind, kind => progress.AddTask($"Training and evaluating {kind}", autoStart: false, maxValue: 1));
            var rows = Train(dataDirectory, modelsDirectory, seed, kinds, console, corpusTask, trainTasks);
            var registered = RegistryWriter.Write(modelsDirectory).Models;
            foreach (var row in rows)
            {
                var golden = registered.FirstOrDefault(entry => entry.Version == row.Version)?.GoldenAccuracy;
                summary.AddRow(row.Kind.ToString(), row.Version, Number(row.Model.F1), Number(row.Hybrid.F1), Number(row.Model.Precision), Number(row.Model.Recall),
                    Number(row.Model.FalsePositiveRate), Number(row.CalibrationError), golden is { } accuracy ? Number(accuracy) : "–");
            }
        });

        console.Write(summary);
        console.MarkupLineInterpolated($"Wrote the models, their metadata and registry.json, and evaluation-*.md, to [bold]{Path.GetFullPath(modelsDirectory)}[/].");
    }

    private static string Number(double value) => value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record TrainedRow(ModelKind Kind, string Version, ClassificationMetrics Model, ClassificationMetrics Hybrid, double CalibrationError);

    private static List<TrainedRow> Train(
        string dataDirectory, string modelsDirectory, int seed, IReadOnlyCollection<ModelKind> kinds, IAnsiConsole console, ProgressTask corpusTask, Dictionary<ModelKind, ProgressTask> trainTasks)
    {
        var clock = Stopwatch.StartNew();
        var rows = new List<TrainedRow>();
        var corpus = CorpusBuilder.Build(dataDirectory, seed);
        var fingerprint = CorpusBuilder.Write(corpus, Path.Combine(dataDirectory, "corpus", "corpus.tsv"));
        var train = corpus.Where(line => !line.IsTest).ToList();
        var test = corpus.Where(line => line.IsTest).ToList();
        corpusTask.Increment(1);
        console.MarkupLineInterpolated($"corpus: {corpus.Count} lines ({train.Count} train, {test.Count} test), fingerprint {fingerprint[..12]}");

        var rules = RuleSetLoader.LoadFile(ModelFiles.RulesPath(modelsDirectory), new RuleOptions());
        var hybrid = new HybridOptions();
        var version = $"{DateTimeOffset.UtcNow:yyyyMMdd}-{fingerprint[..8]}";

        foreach (var kind in kinds)
        {
            trainTasks[kind].StartTask();
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
            var hybridRow = comparison.Rows.Single(row => row.Source == "ALL" && row.Detector == "hybrid");
            rows.Add(new TrainedRow(kind, metadata.Version, modelRow.Metrics, hybridRow.Metrics, reliability.ExpectedCalibrationError));
            trainTasks[kind].Increment(1);
            console.MarkupLineInterpolated($"{kind}: trained and evaluated in {clock.Elapsed.TotalSeconds:0} s since start");
        }

        return rows;
    }
}
