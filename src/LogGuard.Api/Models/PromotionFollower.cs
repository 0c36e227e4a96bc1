using LogGuard.Core.Detection.Model;
using LogGuard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Models;

/// <summary>
/// Serves the model the newest accepted promotion chose, whichever instance made it: on start, and within
/// <c>Promotion:FollowSeconds</c> of a promotion elsewhere. A model that fails the canary here is not swapped in.
/// </summary>
public sealed partial class PromotionFollower(
    IDbContextFactory<LogGuardDbContext> contexts,
    ModelCatalog catalog,
    ActiveModel active,
    [FromKeyedServices(Detection.DetectionServiceExtensions.ChallengerKey)] ActiveModel challenger,
    IOptions<PromotionOptions> options,
    TimeProvider time,
    ILogger<PromotionFollower> logger) : BackgroundService
{
    private string? _refused;

    /// <summary>One look at the store: swaps when a newer promotion names another model.</summary>
    public async Task FollowOnceAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var promoted = await ModelPromotion.PromotedVersionAsync(db, cancellationToken);
        if (promoted is null || promoted == active.Current.Version || promoted == _refused || catalog.Registry?.Find(promoted) is not { } entry)
        {
            return;
        }

        var (scorer, _) = catalog.LoadChecked(entry);
        if (!scorer.IsAvailable)
        {
            _refused = promoted; // said once, not every few seconds
            LogRefused(logger, promoted, scorer.UnavailableReason!);
            return;
        }

        var previous = active.Swap(scorer);
        ModelPromotion.RetireFromShadow(challenger, promoted);
        LogFollowed(logger, promoted, previous.Version);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.FollowSeconds), time);
        do
        {
            try
            {
                await FollowOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException || StoreFailures.IsTransient(exception))
            {
                // Not migrated yet, or the database is away: the next tick tries again.
                LogNotYet(logger, exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Following the promotion of model {Version}; it replaces {Previous}")]
    private static partial void LogFollowed(ILogger logger, string version, string previous);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {Version} was promoted elsewhere but cannot serve here: {Reason}")]
    private static partial void LogRefused(ILogger logger, string version, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not read promotions yet: {Message}")]
    private static partial void LogNotYet(ILogger logger, string message);
}
