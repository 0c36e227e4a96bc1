using System.Diagnostics.Metrics;
using LogGuard.Api.Detection;
using LogGuard.Core.Detection;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.Signals;
using LogGuard.Data;
using LogGuard.Data.Audit;

namespace LogGuard.Api.Observability;

/// <summary>
/// LogGuard's own instruments, exported at /metrics with ASP.NET Core's: what was screened and decided, and what the
/// monitor last saw. Names are OpenTelemetry's; the Prometheus exporter adds the unit and <c>_total</c> suffixes.
/// </summary>
public sealed class LogGuardMetrics
{
    private readonly Counter<long> _requests;
    private readonly Counter<long> _lines;
    private readonly Counter<long> _verdicts;
    private readonly Histogram<double> _detectDuration;
    private readonly Counter<long> _incidentsOpened;
    private readonly Histogram<double> _monitorDuration;
    private readonly SystemStateCache _states;
    private volatile MonitorReading? _lastRun;

    public LogGuardMetrics(IMeterFactory meters, SystemStateCache states, ActiveModel model)
    {
        _states = states;
        var meter = meters.Create(AuditMetrics.MeterName);
        _requests = meter.CreateCounter<long>("logguard.requests", "{request}", "Ingestion requests by route and outcome (accepted, rejected, unavailable).");
        _lines = meter.CreateCounter<long>("logguard.lines", "{line}", "Lines screened, and OTLP records rejected, by outcome.");
        _verdicts = meter.CreateCounter<long>("logguard.verdicts", "{line}", "Verdicts by label, deciding detector and severity.");
        _detectDuration = meter.CreateHistogram<double>(
            "logguard.detect.duration", "s", "Time to answer an ingestion request, audit commit included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _incidentsOpened = meter.CreateCounter<long>("logguard.incidents.opened", "{incident}", "Incidents opened by the monitor or an operator.");
        _monitorDuration = meter.CreateHistogram<double>(
            "logguard.monitor.run.duration", "s", "Time of each successful monitor run.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

        // Alert rules compare with zero, so the counter is exported before the first incident too.
        _incidentsOpened.Add(0);

        meter.CreateObservableGauge("logguard.state", ObserveState, description: "1 for the system state the service is in, 0 for the others.");
        meter.CreateObservableGauge("logguard.fallback.active", ObserveFallback, description: "1 while the rules decide alone (DEGRADED).");
        meter.CreateObservableGauge("logguard.monitor.signal.value", () => Signals(signal => signal.Value), description: "Each signal's value in the monitor's last window.");
        meter.CreateObservableGauge("logguard.monitor.signal.verdict", () => Signals(signal => (int)signal.Verdict),
            description: "Each signal's verdict in the monitor's last window: -1 too few predictions to judge, 0 normal, 1 warning, 2 critical.");
        meter.CreateObservableGauge("logguard.monitor.last_success", ObserveLastSuccess, "s", "Unix time of the last successful monitor run on this instance.");
        meter.CreateObservableGauge("logguard.model.score_cache.hit_ratio", () => ObserveCache(model), description: "Share of model scores served from the score cache since start.");
    }

    public void RequestAnswered(string route, int statusCode, TimeSpan elapsed)
    {
        var outcome = statusCode switch
        {
            < 400 => "accepted",
            StatusCodes.Status429TooManyRequests or >= 500 => "unavailable",
            _ => "rejected",
        };
        _requests.Add(1, new("route", route), new("outcome", outcome));
        _detectDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("route", route));
    }

    public void Screened(IReadOnlyList<LineAnalysis> analyses)
    {
        _lines.Add(analyses.Count, new KeyValuePair<string, object?>("outcome", "screened"));
        foreach (var analysis in analyses)
        {
            var verdict = analysis.Verdict;
            _verdicts.Add(1, new("label", verdict.Label), new("decided_by", DecisionNames.Of(verdict.DecidedBy)), new("severity", DecisionNames.Of(verdict.Severity)));
        }
    }

    public void RecordsRejected(int count) => _lines.Add(count, new KeyValuePair<string, object?>("outcome", "rejected"));

    public void IncidentOpened() => _incidentsOpened.Add(1);

    public void MonitorRan(IReadOnlyList<SignalResult> signals, TimeSpan elapsed, DateTimeOffset finishedAt)
    {
        _monitorDuration.Record(elapsed.TotalSeconds);
        _lastRun = new MonitorReading(signals, finishedAt);
    }

    private IEnumerable<Measurement<int>> ObserveState() =>
        CurrentState() is { } current
            ? Enum.GetValues<SystemState>().Select(state => new Measurement<int>(state == current ? 1 : 0, new KeyValuePair<string, object?>("state", state.Name())))
            : [];

    private IEnumerable<Measurement<int>> ObserveFallback() =>
        CurrentState() is { } current ? [new Measurement<int>(current == SystemState.Degraded ? 1 : 0)] : [];

    private SystemState? CurrentState()
    {
        try
        {
            // Scrapes are seconds apart; the cache answers most of them without the database.
            return _states.GetAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult().State;
        }
        catch (AuditUnavailableException)
        {
            return null;
        }
    }

    private IEnumerable<Measurement<double>> Signals(Func<SignalResult, double> value) =>
        _lastRun is { } run
            ? run.Signals.Select(signal => new Measurement<double>(value(signal), new KeyValuePair<string, object?>("signal", signal.Name)))
            : [];

    private IEnumerable<Measurement<double>> ObserveLastSuccess() =>
        _lastRun is { } run ? [new Measurement<double>(run.FinishedAt.ToUnixTimeMilliseconds() / 1000.0)] : [];

    private static IEnumerable<Measurement<double>> ObserveCache(ActiveModel model) =>
        model.Current is CachingModelScorer caching ? [new Measurement<double>(caching.Statistics.HitRate)] : [];

    private sealed record MonitorReading(IReadOnlyList<SignalResult> Signals, DateTimeOffset FinishedAt);
}
