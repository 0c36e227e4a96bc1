using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Preprocessing;
using LogGuard.Training.Corpus;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace LogGuard.Training;

/// <summary>A trained model, calibrated, and what its calibration learned.</summary>
public sealed record TrainedModel(ITransformer Model, ModelCalibration Calibration, IReadOnlyList<TrainingExample> Fitted);

/// <summary>The feature pipeline and the two trainers. Both models share one featurisation: word 1–2-grams and char 3-grams, TF-IDF weighted.</summary>
public static class ModelTrainer
{
    /// <summary>
    /// Share of the training groups kept out of fitting to calibrate the probability on. Whole groups, as for the
    /// held-out split: a calibration fold that shared templates with the fitted lines would calibrate on lines
    /// the model has in effect seen, and would make it over-confident.
    /// </summary>
    public const double CalibrationShare = 0.15;

    /// <summary>
    /// Fits the model on most of <paramref name="training"/>'s groups, then fits a Platt sigmoid on its raw scores
    /// of the rest, so that of the lines it gives about 0.8, about 80% are suspicious. The regularisation that
    /// keeps the model from memorising sources also pulls its probabilities towards the middle: uncalibrated, most
    /// held-out lines landed between 0.1 and 0.5 whatever their class, which the hybrid read as "unsure".
    /// The fold is not re-weighted: the probability then speaks of lines as the corpus mixes them.
    /// </summary>
    public static TrainedModel Train(MLContext context, IReadOnlyCollection<LabelledLine> training, ModelKind kind, int seed)
    {
        var fitted = ToExamples([.. training.Where(line => !GroupSplit.IsIn(line.Group, seed, CalibrationShare, "calibration"))]);
        var calibrationLines = training.Where(line => GroupSplit.IsIn(line.Group, seed, CalibrationShare, "calibration")).ToList();
        var model = Fit(context, context.Data.LoadFromEnumerable(fitted), kind);

        var calibrationSet = context.Data.LoadFromEnumerable(calibrationLines.Select(line => new TrainingExample { Text = ModelText.Of(line.Text), Label = line.Suspicious }));
        var calibrator = context.BinaryClassification.Calibrators
            .Platt(labelColumnName: nameof(ModelInput.Label), scoreColumnName: "Score")
            .Fit(model.Transform(calibrationSet));
        var platt = ((ISingleFeaturePredictionTransformer<PlattCalibrator>)calibrator).Model;

        // One flat chain, as the pipeline's own, so the service finds the linear model and its calibration side by side.
        var calibrated = new TransformerChain<ITransformer>([.. (IEnumerable<ITransformer>)model, calibrator]);
        return new TrainedModel(calibrated, new ModelCalibration("Platt", calibrationLines.Count, platt.Slope, platt.Offset), fitted);
    }

    /// <summary>
    /// The training examples, weighted so that within web access lines, and within all other lines, each class
    /// carries half the weight: how many benign sites or systems the corpus holds must not move the model's prior
    /// that a request, or a log line, is an attack.
    /// </summary>
    public static List<TrainingExample> ToExamples(IReadOnlyCollection<LabelledLine> lines)
    {
        // One parse of the request serves both the stratum and the model text (what ModelText.Of would compute).
        var texts = lines.Select(line => (Line: line, Request: AccessRequest.ForModel(line.Text)))
            .Select(item => (item.Line, IsAccess: item.Request is not null, Text: ModelText.FromDecoded(item.Request ?? LineDecoder.Decode(item.Line.Text))))
            .ToList();
        var weights = texts.GroupBy(item => (item.IsAccess, item.Line.Suspicious))
            .ToDictionary(group => group.Key, group => texts.Count(item => item.IsAccess == group.Key.IsAccess) / (2f * group.Count()));
        return [.. texts.Select(item => new TrainingExample
        {
            Text = item.Text,
            Label = item.Line.Suspicious,
            Weight = weights[(item.IsAccess, item.Line.Suspicious)],
        })];
    }

    private static ITransformer Fit(MLContext context, IDataView training, ModelKind kind)
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

        // L1: left to ML.NET, SDCA sets the L1/L2 ratio to 1 for more than 10,000 features, which zeroed the weights
        // of most attack words once the corpus held many sites (held-out model F1 0.821). With no L1 the model
        // memorised sources (false-positive rate 4.8%, every held-out benign OpenSSH line flagged); 0.25 gave
        // F1 0.859 at 0.1%.
        IEstimator<ITransformer> pipeline = kind switch
        {
            ModelKind.Sdca => featurize.Append(context.BinaryClassification.Trainers.SdcaLogisticRegression(
                labelColumnName: nameof(ModelInput.Label), featureColumnName: "Features", exampleWeightColumnName: nameof(TrainingExample.Weight), l2Regularization: 3e-4f, l1Regularization: 0.25f, maximumNumberOfIterations: 60)),
            ModelKind.FastTree => featurize.Append(context.BinaryClassification.Trainers.FastTree(
                labelColumnName: nameof(ModelInput.Label), featureColumnName: "Features", exampleWeightColumnName: nameof(TrainingExample.Weight), numberOfLeaves: 24, numberOfTrees: 150, minimumExampleCountPerLeaf: 10, learningRate: 0.15)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown model kind."),
        };

        return pipeline.Fit(training);
    }
}
