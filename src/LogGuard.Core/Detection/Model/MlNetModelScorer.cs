using System.Text.Json;
using LogGuard.Core.Detection.Preprocessing;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace LogGuard.Core.Detection.Model;

/// <summary>Serves a trained ML.NET model from the models folder, or reports why it cannot.</summary>
public sealed class MlNetModelScorer : IModelScorer
{
    private readonly ObjectPool<PredictionEngine<ModelInput, ModelOutput>>? _engines;
    private readonly HashSet<string> _vocabulary;
    private readonly Lazy<LinearExplainer?> _explainer;

    private MlNetModelScorer(
        ObjectPool<PredictionEngine<ModelInput, ModelOutput>>? engines,
        ModelMetadata? metadata,
        HashSet<string> vocabulary,
        string? unavailableReason,
        Func<LinearExplainer?>? explainer = null)
    {
        _engines = engines;
        _explainer = new Lazy<LinearExplainer?>(explainer ?? (() => null));
        _vocabulary = vocabulary;
        Metadata = metadata;
        UnavailableReason = unavailableReason;
    }

    public bool IsAvailable => _engines is not null;

    public string? UnavailableReason { get; }

    public ModelMetadata? Metadata { get; }

    public string Version => IsAvailable ? Metadata?.Version ?? "unknown" : "none";

    public static readonly JsonSerializerOptions MetadataJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>A model that will not serve, and why; the rules answer alone.</summary>
    public static MlNetModelScorer Unavailable(string reason) => new(null, null, new HashSet<string>(StringComparer.Ordinal), reason);

    /// <summary>Loads the model; never throws for a missing or corrupt file, because the rules can still answer.</summary>
    public static MlNetModelScorer Load(string directory, ModelKind kind) =>
        LoadFile(ModelFiles.ModelPath(directory, kind), ModelFiles.VocabularyPath(directory), ModelFiles.MetadataPath(directory, kind));

    /// <summary>Loads a model file from anywhere, with the vocabulary it was trained with and its metadata if present.</summary>
    public static MlNetModelScorer LoadFile(string modelPath, string vocabularyPath, string metadataPath)
    {
        var vocabulary = LoadVocabulary(vocabularyPath);
        if (!File.Exists(modelPath))
        {
            return new MlNetModelScorer(null, null, vocabulary, $"model file '{modelPath}' not found");
        }

        try
        {
            var context = new MLContext(seed: 0);
            var model = context.Model.Load(modelPath, out _);
            var metadata = LoadMetadata(metadataPath);
            var pool = new DefaultObjectPool<PredictionEngine<ModelInput, ModelOutput>>(
                new PredictionEnginePolicy(context, model), Environment.ProcessorCount * 4);

            // Score once now, so a model that loads but cannot run is caught at start, not on the first request.
            var probe = pool.Get();
            probe.Predict(new ModelInput { Text = "probe" });
            pool.Return(probe);
            return new MlNetModelScorer(pool, metadata, vocabulary, null, () => LinearExplainer.TryCreate(context, model));
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or IOException
                                              or InvalidDataException or ArgumentException or JsonException
                                              or NotSupportedException)
        {
            return new MlNetModelScorer(null, null, vocabulary, $"model file '{modelPath}' cannot be loaded: {exception.Message}");
        }
    }

    public (int Tokens, int OutOfVocabulary) CountTokens(string modelText)
    {
        var vocabulary = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        int tokens = 0, unknown = 0;
        foreach (var token in ModelText.EnumerateTokens(modelText))
        {
            tokens++;
            unknown += vocabulary.Contains(token) ? 0 : 1;
        }

        return (tokens, _vocabulary.Count == 0 ? 0 : unknown);
    }

    // Built on the first request for evidence: the slot names and a second engine pool cost about 15 MB that a
    // service which never asks for evidence should not carry.
    public IReadOnlyList<ModelEvidence> Explain(string modelText, int count) => _explainer.Value?.Explain(modelText, count) ?? [];

    public void Score(IReadOnlyList<string> modelTexts, Span<float> probabilities)
    {
        if (_engines is null)
        {
            throw new InvalidOperationException("The model is not available: " + UnavailableReason);
        }

        var engine = _engines.Get();
        try
        {
            var input = new ModelInput();
            var output = new ModelOutput();
            for (var i = 0; i < modelTexts.Count; i++)
            {
                input.Text = modelTexts[i];
                engine.Predict(input, ref output);
                probabilities[i] = output.Probability;
            }
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    private static ModelMetadata? LoadMetadata(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<ModelMetadata>(File.ReadAllText(path), MetadataJson) : null;

    private static HashSet<string> LoadVocabulary(string path) =>
        File.Exists(path)
            ? new HashSet<string>(File.ReadLines(path).Where(line => line.Length > 0), StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
}
