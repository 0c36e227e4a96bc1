using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Model;

namespace LogGuard.Training;

/// <summary>
/// Promotes a registered model in the models folder's <c>registry.json</c>, for the models a release ships, through
/// the same gate as the service's admin route: the canary, and the recorded held-out figures. A running service
/// promotes through <c>POST /admin/models/{version}/promote</c>, which also weighs people's live labels.
/// </summary>
public static class PromoteCommand
{
    /// <returns>The decision; the registry changes only when it is accepted.</returns>
    public static PromotionDecision Run(string modelsDirectory, string version, Action<string> report)
    {
        var registry = ModelRegistry.TryLoad(modelsDirectory)
            ?? throw new InvalidOperationException($"{Path.Combine(modelsDirectory, ModelRegistry.FileName)} not found.");
        var candidate = registry.Find(version) ?? throw new InvalidOperationException($"Model {version} is not in {ModelRegistry.FileName}.");
        var active = registry.Active;
        if (active?.Version == version)
        {
            throw new InvalidOperationException($"Model {version} is already the active model.");
        }

        var scorer = ModelRegistry.LoadModel(modelsDirectory, candidate);
        CanaryResult? canary = null;
        if (scorer.IsAvailable)
        {
            var golden = GoldenSet.Load(Path.Combine(modelsDirectory, GoldenSet.FileName));
            canary = new CanaryResult(GoldenSet.Accuracy(scorer, golden, new HybridOptions().ModelThreshold), candidate.GoldenAccuracy, new ModelOptions().CanaryMargin);
        }

        var options = new PromotionOptions();
        var decision = PromotionGate.Decide(new PromotionEvidence(canary, ModelFigures.Of(candidate.HeldOut), ModelFigures.Of(active?.HeldOut), null, null, 0), options);
        foreach (var check in decision.Checks)
        {
            report("  " + check);
        }

        if (decision.Accepted && scorer.IsAvailable)
        {
            new ModelRegistry([.. registry.Models.Select(model =>
                model.Version == version ? model with { Status = ModelStatus.Active }
                : model.Status == ModelStatus.Active ? model with { Status = ModelStatus.Retired }
                : model)]).Save(modelsDirectory);
            report($"promoted {version}" + (active is null ? "" : $"; {active.Version} is retired"));
        }
        else
        {
            report($"{version} was not promoted");
        }

        return decision;
    }
}
