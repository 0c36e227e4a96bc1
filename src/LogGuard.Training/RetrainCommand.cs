using System.Security.Cryptography;
using System.Text;
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

/// <summary>What retraining produced: the registered candidate and what the promotion gate says of it.</summary>
public sealed record RetrainResult(RegisteredModel Candidate, PromotionDecision Decision, int LiveLines);

/// <summary>
/// Builds a candidate SDCA model from <c>data/</c> plus people's labelled live lines (the TSV that
/// <c>GET /admin/feedback/export</c> gives), scores it and the active model on the same held-out lines, asks the
/// promotion gate, and registers the candidate as a challenger. It never promotes: that is the service's decision.
/// </summary>
public static class RetrainCommand
{
    public const string LiveSource = "live";

    public static RetrainResult Run(string dataDirectory, string modelsDirectory, string liveFile, int seed, Action<string> report)
    {
        var registry = ModelRegistry.TryLoad(modelsDirectory)
            ?? throw new InvalidOperationException($"{Path.Combine(modelsDirectory, ModelRegistry.FileName)} not found: train or register the models first.");
        var active = registry.Active ?? throw new InvalidOperationException($"{ModelRegistry.FileName} names no active model to compare with.");

        // Each distinct masked line is a group of its own, so a line repeated in the export is never on both sides.
        var live = LabelledFile.ReadTsv(liveFile).Lines
            .Select(line => (Line: line, Group: "live:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(line.Text)))[..16]))
            .Select(item => new LabelledLine(item.Line.Text, item.Line.Suspicious, LiveSource, item.Group, GroupSplit.IsTest(item.Group, seed)))
            .ToList();
        var corpus = CorpusBuilder.Build(dataDirectory, seed);
        corpus.AddRange(live);
        var fingerprint = CorpusBuilder.Write(corpus, Path.Combine(dataDirectory, "corpus", "retrain.tsv"));
        var train = corpus.Where(line => !line.IsTest).ToList();
        var test = corpus.Where(line => line.IsTest).ToList();
        report($"corpus: {corpus.Count} lines with {live.Count} labelled live lines ({train.Count} train, {test.Count} test), fingerprint {fingerprint[..12]}");

        var version = $"sdca-{DateTimeOffset.UtcNow:yyyyMMdd}-{fingerprint[..8]}";
        var stem = $"logguard-{version}";
        var files = new RegisteredModel(version, nameof(ModelKind.Sdca), stem + ".zip", stem + ".json", $"vocabulary-{version}.txt", ModelStatus.Challenger, 0, null);
        var context = new MLContext(seed);
        var trained = ModelTrainer.Train(context, train, ModelKind.Sdca, seed);
        context.Model.Save(trained.Model, null, Path.Combine(modelsDirectory, files.File));
        var vocabulary = ModelVocabulary.Write(trained.Fitted.Select(example => example.Text), Path.Combine(modelsDirectory, files.Vocabulary));

        var hybrid = new HybridOptions();
        var rules = RuleSetLoader.LoadFile(ModelFiles.RulesPath(modelsDirectory), new RuleOptions());
        var unregistered = MlNetModelScorer.LoadFile(Path.Combine(modelsDirectory, files.File), Path.Combine(modelsDirectory, files.Vocabulary), Path.Combine(modelsDirectory, files.Metadata));
        var analyses = new Detector(rules, unregistered, new HybridDecider(hybrid)).Analyze([.. test.Select(line => line.Text)], fallback: false);
        var modelTexts = test.Select(line => ModelText.Of(line.Text)).ToList();
        var candidateMetrics = ModelAlone(unregistered, test, modelTexts, hybrid.ModelThreshold);
        var metadata = ModelDescription.Create(
            ModelKind.Sdca, version, seed, fingerprint, corpus, candidateMetrics, vocabulary, HeldOutStatisticsCalculator.Compute(analyses, modelTexts), trained.Calibration);
        File.WriteAllText(Path.Combine(modelsDirectory, files.Metadata), JsonSerializer.Serialize(metadata, MlNetModelScorer.MetadataJson));

        // Both models answer for the same held-out lines: the active model's recorded figures came from another split.
        var candidate = ModelRegistry.LoadModel(modelsDirectory, files);
        var activeModel = ModelRegistry.LoadModel(modelsDirectory, active);
        var activeMetrics = ModelAlone(activeModel, test, modelTexts, hybrid.ModelThreshold);
        var golden = GoldenSet.Load(Path.Combine(modelsDirectory, GoldenSet.FileName));
        var goldenAccuracy = GoldenSet.Accuracy(candidate, golden, hybrid.ModelThreshold);
        var liveTest = test.Select((line, i) => (line, i)).Where(item => item.line.Source == LiveSource).ToList();
        var options = new PromotionOptions();
        var compareLive = liveTest.Count >= options.MinLiveLabels;
        var evidence = new PromotionEvidence(
            new CanaryResult(goldenAccuracy, goldenAccuracy, new ModelOptions().CanaryMargin),
            ModelFigures.Of(candidateMetrics),
            ModelFigures.Of(activeMetrics),
            compareLive ? ModelFigures.Of(ModelAlone(candidate, [.. liveTest.Select(item => item.line)], [.. liveTest.Select(item => modelTexts[item.i])], hybrid.ModelThreshold)) : null,
            compareLive ? ModelFigures.Of(ModelAlone(activeModel, [.. liveTest.Select(item => item.line)], [.. liveTest.Select(item => modelTexts[item.i])], hybrid.ModelThreshold)) : null,
            liveTest.Count);
        var decision = PromotionGate.Decide(evidence, options);

        var registered = files with { GoldenAccuracy = goldenAccuracy, HeldOut = candidateMetrics };
        new ModelRegistry([.. registry.Models.Where(model => model.Version != version), registered]).Save(modelsDirectory);
        report($"registered {version} as a challenger; the promotion gate would {(decision.Accepted ? "accept" : "refuse")} it against {active.Version}:");
        foreach (var check in decision.Checks)
        {
            report("  " + check);
        }

        return new RetrainResult(registered, decision, live.Count);
    }

    private static ClassificationMetrics ModelAlone(IModelScorer model, List<LabelledLine> lines, List<string> modelTexts, double threshold) =>
        ClassificationMetricsCalculator.ForModel(model, modelTexts, [.. lines.Select(line => line.Suspicious)], threshold);
}
