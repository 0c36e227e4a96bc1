using LogGuard.Core.Detection.Rules;
using LogGuard.Data;
using LogGuard.Data.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Analysis;

/// <summary>A rule that fired on a line, as the dashboard shows it.</summary>
public sealed record RuleEvidence(string Id, string Description, string Category);

/// <summary>A recent suspicious verdict: the masked line and why it was called suspicious.</summary>
public sealed record SuspiciousLine(
    long PredictionId,
    DateTime Timestamp,
    string? Source,
    string Line,
    double Score,
    string DecidedBy,
    double? ModelProbability,
    bool NeedsReview,
    IReadOnlyList<RuleEvidence> Rules);

/// <summary>The newest suspicious verdicts, for people watching the service.</summary>
internal static class RecentSuspicious
{
    public const int MaxLimit = 100;

    public static async Task<Results<Ok<IReadOnlyList<SuspiciousLine>>, ValidationProblem>> GetAsync(
        int? limit, IDbContextFactory<LogGuardDbContext> contexts, RuleSet rules, CancellationToken cancellationToken)
    {
        var take = limit ?? 20;
        if (take is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be 1 to {MaxLimit}"] });
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.PredictionLogs.AsNoTracking()
            .Where(log => log.Label == "suspicious")
            .OrderByDescending(log => log.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        var byId = rules.Rules.ToDictionary(rule => rule.Evidence.Id, rule => rule.Evidence);
        IReadOnlyList<SuspiciousLine> lines = [.. rows.Select(log => new SuspiciousLine(
            log.Id,
            log.Timestamp,
            log.Source,
            InputSummaries.MaskedLine(log.InputSummary),
            log.Score,
            log.DecidedBy,
            log.ModelProbability,
            log.NeedsReview,
            [.. log.TriggeredRuleIds.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(id => byId.TryGetValue(id, out var rule) ? new RuleEvidence(id, rule.Description, rule.Category) : new RuleEvidence(id, "", ""))]))];
        return TypedResults.Ok(lines);
    }
}
