using LogGuard.Core.Detection.Model;
using LogGuard.Training.Corpus;

namespace LogGuard.Training;

/// <summary>The metadata written beside a trained model: where it came from and how it did on the held-out lines.</summary>
public static class ModelDescription
{
    public static ModelMetadata Create(
        ModelKind kind,
        string version,
        int seed,
        string fingerprint,
        IReadOnlyList<LabelledLine> corpus,
        ClassificationMetrics heldOutMetrics,
        int vocabularySize,
        HeldOutStatistics heldOut,
        ModelCalibration calibration) => new()
        {
            Version = version,
            Kind = kind.ToString(),
            Trainer = kind == ModelKind.Sdca ? "SdcaLogisticRegression" : "FastTree",
            TrainedAt = DateTimeOffset.UtcNow,
            Seed = seed,
            DataFingerprint = fingerprint,
            Split = TrainingRun.SplitDescription,
            TrainCountsByClass = CountByClass(corpus.Where(line => !line.IsTest)),
            TestCountsByClass = CountByClass(corpus.Where(line => line.IsTest)),
            CountsBySource = corpus.GroupBy(line => line.Source).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            HeldOut = heldOutMetrics,
            Vocabulary = new VocabularyStatistics(vocabularySize, ModelVocabulary.MinCount, heldOut.OutOfVocabularyRate),
            HeldOutStatistics = heldOut,
            Calibration = calibration,
        };

    private static Dictionary<string, int> CountByClass(IEnumerable<LabelledLine> lines)
    {
        var list = lines.ToList();
        return new(StringComparer.Ordinal)
        {
            ["suspicious"] = list.Count(line => line.Suspicious),
            ["normal"] = list.Count(line => !line.Suspicious),
        };
    }
}
