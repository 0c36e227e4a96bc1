using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogGuard.Core.Detection.Model;

/// <summary>The statuses a registered model can have.</summary>
public static class ModelStatus
{
    public const string Active = "active";
    public const string Challenger = "challenger";
    public const string Retired = "retired";
}

/// <summary>One model version in the registry; file names are relative to the registry's folder.</summary>
/// <param name="GoldenAccuracy">Its accuracy on the golden set when it was registered: what the canary holds it to.</param>
public sealed record RegisteredModel(
    string Version,
    string Kind,
    string File,
    string Metadata,
    string Vocabulary,
    string Status,
    double GoldenAccuracy,
    ClassificationMetrics? HeldOut);

/// <summary>
/// <c>models/registry.json</c>: every model version the service may serve, and which one is active. Training
/// writes it; the service reads it at start.
/// </summary>
public sealed record ModelRegistry(IReadOnlyList<RegisteredModel> Models)
{
    public const string FileName = "registry.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    [JsonIgnore]
    public RegisteredModel? Active => Models.FirstOrDefault(model => model.Status == ModelStatus.Active);

    public RegisteredModel? Find(string version) => Models.FirstOrDefault(model => model.Version == version);

    public static ModelRegistry? TryLoad(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return File.Exists(path)
            ? JsonSerializer.Deserialize<ModelRegistry>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty.")
            : null;
    }

    public void Save(string directory) => File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>Loads a registered model's files from <paramref name="directory"/>; never throws for a missing or corrupt file.</summary>
    public static MlNetModelScorer LoadModel(string directory, RegisteredModel model) => MlNetModelScorer.LoadFile(
        Path.Combine(directory, model.File), Path.Combine(directory, model.Vocabulary), Path.Combine(directory, model.Metadata));
}
