using System.Globalization;
using System.Text;
using LogGuard.Core.Monitoring.Signals;

namespace LogGuard.Core.Monitoring.Explanations;

/// <summary>The default explainer: deterministic, local, from the evidence alone.</summary>
public sealed class TemplateExplainer : IIncidentExplainer
{
    private static readonly Dictionary<string, (string What, string Advice)> Meanings = new(StringComparer.Ordinal)
    {
        ["confidence_mean"] = ("the model is less sure of its answers than it used to be", "look at which sources send the lines the model is unsure of"),
        ["low_confidence_rate"] = ("more answers than usual are close to a coin toss", "sample low-confidence verdicts from the audit table and label them"),
        ["positive_rate"] = ("the share of lines called suspicious has moved", "check whether an attack or an outage is under way before blaming the model"),
        ["disagreement_model_normal_rules_suspicious"] = ("the model calls normal what the rules flag", "the model may be missing a new kind of attack or failure; compare with the rules' evidence"),
        ["disagreement_model_suspicious_rules_normal"] = ("the model flags lines no rule explains", "the model may be raising false alarms on a new log format"),
        ["oov_rate"] = ("the lines use words the model never saw in training", "a new system or log format is sending lines; retrain with samples of it"),
        ["token_distribution"] = ("the words in the lines differ from the baseline's", "find the new sources or formats in the window and consider retraining"),
        ["line_length_distribution"] = ("line lengths differ from the baseline's", "a shipper may be batching, truncating or wrapping lines differently"),
        ["line_length_out_of_range"] = ("many lines are shorter or longer than the baseline ever saw", "check the log shipper's framing and multiline settings"),
        ["rejection_rate"] = ("more requests than usual are rejected as invalid", "a client is sending malformed requests; its errors are in request_rejections"),
        ["unseen_sources_or_formats"] = ("lines arrive from sources or in formats the baseline never had", "rebuild the baseline once the new source is known to be healthy, or retrain"),
    };

    public string Name => "template";

    public Task<Explanation> ExplainAsync(IncidentEvidence evidence, CancellationToken cancellationToken)
    {
        var firing = evidence.Signals.Where(signal => signal.Verdict >= Severity.Warning).OrderByDescending(signal => signal.Verdict).ToList();
        var summary = new StringBuilder();
        summary.Append(CultureInfo.InvariantCulture, $"LogGuard moved from {evidence.FromState.Name()} to {evidence.ToState.Name()}: {evidence.Reason}.");
        if (evidence.FallbackActivated)
        {
            summary.Append(" The rules now decide every verdict; the model keeps scoring in shadow until it has proved healthy again.");
        }

        summary.Append(CultureInfo.InvariantCulture, $" In the last window of {evidence.WindowPredictions} predictions, ");
        summary.Append(firing.Count == 0
            ? "no signal is out of line any more."
            : string.Join("; ", firing.Select(Describe)) + ".");

        var advice = firing.Select(signal => Meanings.TryGetValue(signal.Name, out var meaning) ? meaning.Advice : "inspect the window's predictions")
            .Distinct(StringComparer.Ordinal)
            .Select(text => "- " + char.ToUpperInvariant(text[0]) + text[1..] + ".");
        var recommendations = string.Join('\n', advice.DefaultIfEmpty("- No action needed; the incident is kept for the record."));
        return Task.FromResult(new Explanation(summary.ToString(), recommendations));
    }

    private static string Describe(SignalResult signal)
    {
        var what = Meanings.TryGetValue(signal.Name, out var meaning) ? meaning.What : signal.Name;
        return string.Create(CultureInfo.InvariantCulture, $"{what} ({signal.Name} {signal.Value:0.###} against {signal.Baseline:0.###} in the baseline, {SeverityNames.Of(signal.Verdict)})");
    }
}
