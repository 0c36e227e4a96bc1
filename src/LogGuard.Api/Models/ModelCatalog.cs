using LogGuard.Core.Detection.Model;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Models;

/// <summary>
/// The models the service may serve: those of <c>registry.json</c> in the models folder, each loaded only after
/// passing the canary. A folder without a registry serves the model of <c>Model:Kind</c>, unchecked.
/// </summary>
public sealed partial class ModelCatalog(IOptions<ModelOptions> options, IHostEnvironment environment, ModelCanary canary, ILogger<ModelCatalog> logger)
{
    private readonly Lock _gate = new();
    private (DateTime WrittenAt, ModelRegistry? Registry)? _registry;

    public string Directory => Path.Combine(environment.ContentRootPath, options.Value.Directory);

    /// <summary>
    /// The registry as the file says now: read again when it changes, so a model registered by <c>retrain</c>
    /// can be promoted without a restart. Only promotions and monitor runs read it, never a request.
    /// </summary>
    public ModelRegistry? Registry
    {
        get
        {
            var path = Path.Combine(Directory, ModelRegistry.FileName);
            var writtenAt = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
            lock (_gate)
            {
                if (_registry is not { } known || known.WrittenAt != writtenAt)
                {
                    _registry = (writtenAt, ModelRegistry.TryLoad(Directory));
                }

                return _registry.Value.Registry;
            }
        }
    }

    /// <summary>
    /// Loads a registered version (the registry's active one when null), ready to serve: checked by the canary and
    /// behind the score cache. Never throws: a model that cannot serve comes back unavailable, with the reason.
    /// </summary>
    public IModelScorer Load(string? version = null)
    {
        var settings = options.Value;
        MlNetModelScorer scorer;
        if (Registry is not { } registry)
        {
            scorer = MlNetModelScorer.Load(Directory, settings.Kind);
        }
        else if ((version is null ? registry.Active : registry.Find(version)) is not { } entry)
        {
            scorer = MlNetModelScorer.Unavailable(version is null
                ? $"{ModelRegistry.FileName} names no active model"
                : $"model version {version} is not in {ModelRegistry.FileName}");
        }
        else
        {
            return LoadChecked(entry).Scorer;
        }

        if (!scorer.IsAvailable)
        {
            LogUnavailable(logger, scorer.UnavailableReason!);
            return scorer;
        }

        return settings.ScoreCacheSlots > 0 ? new CachingModelScorer(scorer, settings.ScoreCacheSlots) : scorer;
    }

    /// <summary>The registry's challenger, loaded to score in shadow; unavailable when there is none or it is switched off.</summary>
    public IModelScorer LoadChallenger()
    {
        if (!options.Value.ShadowChallenger)
        {
            return MlNetModelScorer.Unavailable("no challenger scores in shadow (Model:ShadowChallenger is off)");
        }

        return Registry?.Models.FirstOrDefault(model => model.Status == ModelStatus.Challenger) is { } entry
            ? LoadChecked(entry).Scorer
            : MlNetModelScorer.Unavailable($"{ModelRegistry.FileName} names no challenger");
    }

    /// <summary>Loads a registered model and holds it to the canary: what a promotion weighs, and what it swaps in.</summary>
    public (IModelScorer Scorer, CanaryResult? Canary) LoadChecked(RegisteredModel entry)
    {
        var scorer = ModelRegistry.LoadModel(Directory, entry);
        if (scorer.IsAvailable && scorer.Version != entry.Version)
        {
            // The registry points at another model's files: serving it would audit verdicts under the wrong name.
            scorer = MlNetModelScorer.Unavailable($"{ModelRegistry.FileName} registers {entry.Version}, but {entry.Metadata} describes {scorer.Version}");
        }

        var result = canary.Check(scorer, entry);
        if (result is { Passed: false })
        {
            scorer = MlNetModelScorer.Unavailable($"model {entry.Version} failed the canary: {result.Describe()}");
        }

        if (!scorer.IsAvailable)
        {
            LogUnavailable(logger, scorer.UnavailableReason!);
            return (scorer, result);
        }

        var cacheSlots = options.Value.ScoreCacheSlots;
        return (cacheSlots > 0 ? new CachingModelScorer(scorer, cacheSlots) : scorer, result);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model is not available ({Reason}); every verdict will come from the rules alone")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
