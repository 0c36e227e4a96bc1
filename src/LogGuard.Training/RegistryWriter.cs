using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Model;

namespace LogGuard.Training;

/// <summary>
/// Registers the model files of a models folder in its <c>registry.json</c>, each with its accuracy on the golden
/// set, measured now: the figure the service's canary holds the model to from then on.
/// </summary>
public static class RegistryWriter
{
    /// <summary>
    /// Every model file of a known kind is registered under its metadata's version. A version already registered
    /// keeps its status; of new ones the SDCA model becomes active when none is, the others challengers. Other
    /// registered models whose files remain are kept.
    /// </summary>
    public static ModelRegistry Write(string modelsDirectory)
    {
        var golden = GoldenSet.Load(Path.Combine(modelsDirectory, GoldenSet.FileName));
        var previous = ModelRegistry.TryLoad(modelsDirectory);
        var threshold = new HybridOptions().ModelThreshold;
        var entries = new List<RegisteredModel>();
        foreach (var kind in Enum.GetValues<ModelKind>())
        {
            var scorer = MlNetModelScorer.Load(modelsDirectory, kind);
            if (!scorer.IsAvailable || scorer.Metadata is not { } metadata)
            {
                continue;
            }

            entries.Add(new RegisteredModel(
                metadata.Version,
                kind.ToString(),
                Path.GetFileName(ModelFiles.ModelPath(modelsDirectory, kind)),
                Path.GetFileName(ModelFiles.MetadataPath(modelsDirectory, kind)),
                Path.GetFileName(ModelFiles.VocabularyPath(modelsDirectory)),
                previous?.Find(metadata.Version)?.Status ?? ModelStatus.Challenger,
                GoldenSet.Accuracy(scorer, golden, threshold),
                metadata.HeldOut));
        }

        // Models registered by other means (a retrained candidate) stay, as long as their files do.
        entries.AddRange(previous?.Models.Where(model => entries.All(entry => entry.Version != model.Version) && File.Exists(Path.Combine(modelsDirectory, model.File))) ?? []);

        if (!entries.Any(entry => entry.Status == ModelStatus.Active) && entries.FindIndex(entry => entry.Kind == nameof(ModelKind.Sdca)) is var sdca and >= 0)
        {
            entries[sdca] = entries[sdca] with { Status = ModelStatus.Active };
        }

        var registry = new ModelRegistry(entries);
        registry.Save(modelsDirectory);
        return registry;
    }
}
