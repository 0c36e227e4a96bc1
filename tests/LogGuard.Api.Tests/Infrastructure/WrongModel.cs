using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Preprocessing;
using LogGuard.Testing;
using Microsoft.ML;

namespace LogGuard.Api.Tests.Infrastructure;

/// <summary>
/// A models folder holding the shipped models and one more: a real ML.NET model, trained on the golden set with
/// every label flipped, whose metadata claims to be the shipped SDCA model. It loads and scores like any model;
/// it is simply the wrong one, which only the canary can tell.
/// </summary>
public sealed class WrongModel : IDisposable
{
    public const string FileName = "wrong.zip";
    public const string MetadataName = "wrong.json";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("logguard-wrong-model-");

    public WrongModel()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Models))
        {
            File.Copy(file, Path.Combine(_directory.FullName, Path.GetFileName(file)));
        }

        var context = new MLContext(seed: 1);
        var flipped = GoldenSet.Load(Path.Combine(Folder, GoldenSet.FileName))
            .Select(line => new ModelInput { Text = ModelText.Of(line.Text), Label = !line.Suspicious });
        var model = context.Transforms.Text.FeaturizeText("Features", nameof(ModelInput.Text))
            .Append(context.BinaryClassification.Trainers.SdcaLogisticRegression(nameof(ModelInput.Label), "Features"))
            .Fit(context.Data.LoadFromEnumerable(flipped));
        context.Model.Save(model, null, Path.Combine(Folder, FileName));
        File.Copy(Path.Combine(Folder, "logguard-sdca.json"), Path.Combine(Folder, MetadataName));
        Registry = ModelRegistry.TryLoad(Folder)!;
        ClaimedVersion = Registry.Active!.Version;
    }

    public string Folder => _directory.FullName;

    public ModelRegistry Registry { get; }

    /// <summary>The shipped SDCA model's version, which the wrong model's metadata claims.</summary>
    public string ClaimedVersion { get; }

    /// <summary>Points the registry's active entry at the wrong file, keeping the shipped model's version and recorded accuracy.</summary>
    public void RegisterAsActive() =>
        new ModelRegistry([.. Registry.Models.Select(entry => entry.Status == ModelStatus.Active ? entry with { File = FileName, Metadata = MetadataName } : entry)])
            .Save(Folder);

    public MlNetModelScorer Load() =>
        MlNetModelScorer.LoadFile(Path.Combine(Folder, FileName), Path.Combine(Folder, "vocabulary.txt"), Path.Combine(Folder, MetadataName));

    public void Dispose() => _directory.Delete(recursive: true);
}
