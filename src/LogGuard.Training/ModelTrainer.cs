using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Preprocessing;
using Microsoft.ML;
using LogGuard.Training.Corpus;
using Microsoft.ML.Transforms.Text;

namespace LogGuard.Training;

/// <summary>The feature pipeline and the two trainers. Both models share one featurisation: word 1–2-grams and char 3-grams, TF-IDF weighted.</summary>
public static class ModelTrainer
{
    /// <summary>
    /// The training examples, each class weighted to half of the total: how many benign lines the corpus holds
    /// (it grows with every kind of site added) must not move where the model puts its threshold.
    /// </summary>
    public static List<TrainingExample> ToExamples(IReadOnlyCollection<LabelledLine> lines)
    {
        var suspicious = lines.Count(line => line.Suspicious);
        var normal = lines.Count - suspicious;
        var suspiciousWeight = suspicious == 0 ? 1f : lines.Count / (2f * suspicious);
        var normalWeight = normal == 0 ? 1f : lines.Count / (2f * normal);
        return [.. lines.Select(line => new TrainingExample
        {
            Text = ModelText.Of(line.Text),
            Label = line.Suspicious,
            Weight = line.Suspicious ? suspiciousWeight : normalWeight,
        })];
    }

    public static ITransformer Train(MLContext context, IDataView training, ModelKind kind)
    {
        var featurize = context.Transforms.Text.FeaturizeText(
            "Features",
            new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = true,
                KeepNumbers = true,
                WordFeatureExtractor = new WordBagEstimator.Options
                {
                    NgramLength = 2,
                    UseAllLengths = true,
                    Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
                },
                CharFeatureExtractor = new WordBagEstimator.Options
                {
                    NgramLength = 3,
                    UseAllLengths = false,
                    Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
                },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            },
            nameof(ModelInput.Text));

        IEstimator<ITransformer> pipeline = kind switch
        {
            ModelKind.Sdca => featurize.Append(context.BinaryClassification.Trainers.SdcaLogisticRegression(
                labelColumnName: nameof(ModelInput.Label), featureColumnName: "Features", exampleWeightColumnName: nameof(TrainingExample.Weight), l2Regularization: 3e-4f, maximumNumberOfIterations: 60)),
            ModelKind.FastTree => featurize.Append(context.BinaryClassification.Trainers.FastTree(
                labelColumnName: nameof(ModelInput.Label), featureColumnName: "Features", exampleWeightColumnName: nameof(TrainingExample.Weight), numberOfLeaves: 24, numberOfTrees: 150, minimumExampleCountPerLeaf: 10, learningRate: 0.15)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown model kind."),
        };

        return pipeline.Fit(training);
    }
}
