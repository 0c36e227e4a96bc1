using LogGuard.Core.Monitoring.Explanations;
using LogGuard.Data;
using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Monitoring;

/// <summary>
/// Drains the explanation queue: asks the explainer, within <c>Explainer:TimeoutSeconds</c>, and stores its text.
/// It runs apart from the monitor, so a slow or failing explainer delays no run and no request, and can only
/// fail to add its text. At shutdown the queue is closed and what is in it is explained before the host stops.
/// </summary>
public sealed partial class IncidentExplanationWorker(
    IncidentExplanationQueue queue,
    IIncidentExplainer explainer,
    IDbContextFactory<LogGuardDbContext> contexts,
    IOptions<ExplainerOptions> options,
    TimeProvider time,
    ILogger<IncidentExplanationWorker> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        if (ExecuteTask is not null)
        {
            // Waits for the queue to drain, or for the host's shutdown timeout, whichever comes first.
            await ExecuteTask.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var evidence in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            await ExplainAsync(evidence);
        }
    }

    private async Task ExplainAsync(IncidentEvidence evidence)
    {
        try
        {
            var timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
            using var cancellation = new CancellationTokenSource(timeout, time);

            // WaitAsync as well as the token: an explainer that ignores cancellation is given up all the same.
            var explanation = await explainer.ExplainAsync(evidence, cancellation.Token).WaitAsync(timeout, time);
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            db.IncidentExplanations.Add(new IncidentExplanationRecord
            {
                IncidentId = evidence.IncidentId,
                GeneratedAt = time.GetUtcNow().UtcDateTime,
                Summary = explanation.Summary,
                Recommendations = explanation.Recommendations,
                Explainer = explainer.Name,
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The decision stands whatever happens here: the explainer only ever adds text.
            LogExplainerFailed(logger, exception, explainer.Name, evidence.IncidentId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Explainer {Explainer} failed for incident {IncidentId}; the incident and the state are unaffected")]
    private static partial void LogExplainerFailed(ILogger logger, Exception exception, string explainer, long incidentId);
}
