using System.Text.Json;
using LogGuard.Api.Analysis;
using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Preprocessing;
using LogGuard.Core.Evaluation;
using LogGuard.Data;
using LogGuard.Data.Analysis;
using LogGuard.Data.Audit;
using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Models;

/// <param name="ActiveVersion">The model served after the decision.</param>
public sealed record PromotionView(long DecisionId, string CandidateVersion, string PreviousVersion, string ActiveVersion, bool Accepted, IReadOnlyList<string> Checks, PromotionEvidence Evidence);

/// <summary>
/// Weighs a registered model against the active one, records the decision with its figures, and on acceptance
/// swaps it in: the next request is scored by the new model, requests in flight finish on the old one.
/// </summary>
public sealed partial class ModelPromotion(
    ModelCatalog catalog,
    ActiveModel active,
    [FromKeyedServices(Detection.DetectionServiceExtensions.ChallengerKey)] ActiveModel challenger,
    IDbContextFactory<LogGuardDbContext> contexts,
    IOptions<PromotionOptions> options,
    IOptions<HybridOptions> hybrid,
    IOptions<AnalysisOptions> analysis,
    TimeProvider time,
    ILogger<ModelPromotion> logger)
{
    /// <returns>The decision; null when <paramref name="version"/> is not registered.</returns>
    public async Task<PromotionView?> PromoteAsync(string version, CancellationToken cancellationToken)
    {
        if (catalog.Registry?.Find(version) is not { } entry)
        {
            return null;
        }

        var current = active.Current;
        var (candidate, canary) = catalog.LoadChecked(entry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (candidateLive, activeLive, liveLabels) = await CompareOnLiveLabelsAsync(db, candidate, current, cancellationToken);
        var evidence = new PromotionEvidence(
            canary,
            ModelFigures.Of(entry.HeldOut),
            ModelFigures.Of(catalog.Registry.Find(current.Version)?.HeldOut ?? current.Metadata?.HeldOut),
            candidateLive,
            activeLive,
            liveLabels);
        var decision = PromotionGate.Decide(evidence, options.Value);

        var record = new ModelPromotionRecord
        {
            At = StoredInstant.Of(time.GetUtcNow().UtcDateTime),
            CandidateVersion = version,
            ActiveVersion = current.Version,
            Accepted = decision.Accepted && candidate.IsAvailable,
            Reason = string.Join("; ", decision.Checks),
            Figures = JsonSerializer.Serialize(evidence, JsonSerializerOptions.Web),
        };
        db.ModelPromotions.Add(record);
        await db.SaveChangesAsync(cancellationToken);

        if (record.Accepted)
        {
            active.Swap(candidate);
            RetireFromShadow(challenger, version);
            LogPromoted(logger, version, current.Version);
        }

        return new PromotionView(record.Id, version, current.Version, active.Current.Version, record.Accepted, decision.Checks, evidence);
    }

    /// <summary>A challenger that became the active model stops scoring in shadow: it would only score twice.</summary>
    public static void RetireFromShadow(ActiveModel challenger, string promotedVersion)
    {
        if (challenger.Current.Version == promotedVersion)
        {
            challenger.Swap(MlNetModelScorer.Unavailable($"model {promotedVersion} was promoted to active"));
        }
    }

    /// <summary>The newest accepted promotion's model, or null when none was ever accepted.</summary>
    public static Task<string?> PromotedVersionAsync(LogGuardDbContext db, CancellationToken cancellationToken) =>
        db.ModelPromotions.AsNoTracking().Where(row => row.Accepted).OrderByDescending(row => row.Id)
            .Select(row => row.CandidateVersion).FirstOrDefaultAsync(cancellationToken);

    // Both models score the same masked lines people labelled; each alone, at the model threshold.
    private async Task<(ModelFigures? Candidate, ModelFigures? Active, int Labels)> CompareOnLiveLabelsAsync(
        LogGuardDbContext db, IModelScorer candidate, IModelScorer current, CancellationToken cancellationToken)
    {
        var lines = await LabelledLines.ReadAsync(db, analysis.Value.MaxLabelledRows, cancellationToken);
        if (lines.Count < options.Value.MinLiveLabels || !candidate.IsAvailable || !current.IsAvailable)
        {
            return (null, null, lines.Count);
        }

        var texts = lines.Select(line => ModelText.Of(InputSummaries.MaskedLine(line.InputSummary))).ToList();
        return (Score(candidate), Score(current), lines.Count);

        ModelFigures Score(IModelScorer model) =>
            ModelFigures.Of(ClassificationMetricsCalculator.ForModel(model, texts, [.. lines.Select(line => line.Suspicious)], hybrid.Value.ModelThreshold))!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Version} promoted; it replaces {Previous}")]
    private static partial void LogPromoted(ILogger logger, string version, string previous);
}
