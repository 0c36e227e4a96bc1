using LogGuard.Api.Ingestion;
using LogGuard.Api.Security;
using LogGuard.Core.Detection;
using LogGuard.Core.Monitoring;
using LogGuard.Data;
using LogGuard.Data.Audit;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Detection;

/// <summary>Validated lines, screened and audited together.</summary>
internal sealed record ScreenedLines(LineAnalysis[] Analyses, long[] Ids, AuditContext Context)
{
    public bool ModelLoaded => Analyses[0].ModelProbability is not null;
}

/// <summary>
/// What every ingestion route shares: score validated lines in the current state, and return only once every
/// verdict is committed to the audit store.
/// </summary>
internal sealed class LineScreener(
    Detector detector,
    AuditQueue audit,
    SystemStateCache states,
    IOptions<AuditOptions> auditOptions,
    Observability.LogGuardMetrics metrics,
    TimeProvider time)
{
    /// <param name="records">Per line, what a shipper sent with it; null for plain lines.</param>
    /// <param name="http">The request: its id, its client's key name and its cancellation go with the rows.</param>
    /// <exception cref="AuditUnavailableException">Nothing was stored; the caller answers 503.</exception>
    public async Task<ScreenedLines> ScreenAsync(
        string[] lines, IReadOnlyList<ShippedRecord>? records, string? source, bool explain, HttpContext http)
    {
        var state = await states.GetAsync(http.RequestAborted);
        var analyses = detector.Analyze(lines, fallback: state.State == SystemState.Degraded, explain);
        var context = new AuditContext(
            time.GetUtcNow().UtcDateTime,
            http.TraceIdentifier,
            source,
            http.ClientName(),
            analyses[0].ModelVersion, // the model that scored these lines, even if a promotion has since replaced it
            detector.Rules.Version,
            state.State,
            auditOptions.Value.StoreRawLines);
        var ids = await audit.WriteAsync([.. analyses.Select((analysis, i) => AuditRowFactory.Create(analysis, lines[i], context, records?[i]))]);
        metrics.Screened(analyses);
        return new ScreenedLines(analyses, ids, context);
    }
}
