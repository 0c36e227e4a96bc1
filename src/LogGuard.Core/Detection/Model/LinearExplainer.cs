using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace LogGuard.Core.Detection.Model;

/// <summary>
/// Explains a linear model's probability from the model's own parameters: each feature's weight times the
/// line's value of it, and the names ML.NET gave the feature slots. Only a calibrated linear model (SDCA) can
/// be explained this way; for any other model <see cref="TryCreate"/> returns null.
/// </summary>
internal sealed class LinearExplainer
{
    private readonly float[] _weights;
    private readonly VBuffer<ReadOnlyMemory<char>> _slotNames;
    private readonly ObjectPool<PredictionEngine<ModelInput, ModelFeatures>> _engines;

    private LinearExplainer(float[] weights, VBuffer<ReadOnlyMemory<char>> slotNames, ObjectPool<PredictionEngine<ModelInput, ModelFeatures>> engines)
    {
        _weights = weights;
        _slotNames = slotNames;
        _engines = engines;
    }

    public static LinearExplainer? TryCreate(MLContext context, ITransformer model)
    {
        if (model is not TransformerChain<ITransformer> chain
            || chain.OfType<ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>>().FirstOrDefault() is not { } linear)
        {
            return null;
        }

        // The served probability is the last sigmoid's: a Platt calibration fitted after training rescales the raw
        // score, so each feature's share of the log-odds is its weight times the calibration's slope.
        var slope = chain.LastTransformer is ISingleFeaturePredictionTransformer<PlattCalibrator> calibration
            ? calibration.Model.Slope
            : linear.Model.Calibrator.Slope;
        try
        {
            var inputSchema = context.Data.LoadFromEnumerable(Array.Empty<ModelInput>()).Schema;
            var features = model.GetOutputSchema(inputSchema)[linear.FeatureColumnName];
            VBuffer<ReadOnlyMemory<char>> slotNames = default;
            features.GetSlotNames(ref slotNames);
            var engines = new DefaultObjectPool<PredictionEngine<ModelInput, ModelFeatures>>(new FeatureEnginePolicy(context, model), Environment.ProcessorCount * 4);
            return new LinearExplainer([.. linear.Model.SubModel.Weights.Select(weight => (float)(-slope * weight))], slotNames, engines);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            // Evidence is an extra: a model that scores but cannot be explained still serves, without evidence.
            return null;
        }
    }

    /// <summary>The <paramref name="count"/> features that pushed most towards suspicious, then those that pushed most towards normal.</summary>
    public IReadOnlyList<ModelEvidence> Explain(string modelText, int count)
    {
        var engine = _engines.Get();
        VBuffer<float> values;
        try
        {
            values = engine.Predict(new ModelInput { Text = modelText }).Features;
        }
        finally
        {
            _engines.Return(engine);
        }

        var contributions = new List<(int Slot, double Weight)>();
        foreach (var (slot, value) in values.Items())
        {
            if (value != 0 && slot < _weights.Length && _weights[slot] != 0)
            {
                contributions.Add((slot, (double)_weights[slot] * value));
            }
        }

        return
        [
            .. contributions.Where(c => c.Weight > 0).OrderByDescending(c => c.Weight).Take(count).Select(Evidence),
            .. contributions.Where(c => c.Weight < 0).OrderBy(c => c.Weight).Take(count).Select(Evidence),
        ];
    }

    private ModelEvidence Evidence((int Slot, double Weight) contribution) =>
        new(Readable(_slotNames.GetItemOrDefault(contribution.Slot).ToString()), Math.Round(contribution.Weight, 4));

    // ML.NET names slots "Word.union|select" and "Char.<␂>|.|.": shown as "union select" and chars "^..".
    private static string Readable(string slotName)
    {
        var dot = slotName.IndexOf('.', StringComparison.Ordinal);
        var kind = dot < 0 ? "" : slotName[..dot];
        var parts = slotName[(dot + 1)..].Split('|');
        return kind == "Char"
            ? "chars \"" + string.Concat(parts.Select(part => part switch { "<␂>" => "^", "<␃>" => "$", "<␠>" => " ", _ => part })) + "\""
            : string.Join(' ', parts);
    }

    private sealed class FeatureEnginePolicy(MLContext context, ITransformer model) : IPooledObjectPolicy<PredictionEngine<ModelInput, ModelFeatures>>
    {
        public PredictionEngine<ModelInput, ModelFeatures> Create() => context.Model.CreatePredictionEngine<ModelInput, ModelFeatures>(model);

        public bool Return(PredictionEngine<ModelInput, ModelFeatures> obj) => true;
    }
}

/// <summary>The feature vector the model scored, which explaining a verdict needs.</summary>
internal sealed class ModelFeatures
{
    public VBuffer<float> Features { get; set; }
}
