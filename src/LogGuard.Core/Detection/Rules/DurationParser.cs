using System.Globalization;
using System.Text.RegularExpressions;
using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Core.Detection.Rules;

/// <summary>
/// Reads the durations a line reports (<c>took 1.2s</c>, <c>duration=1500ms</c>, <c>rt=2.3</c>,
/// <c>"elapsed_ms": 40</c>) and returns the longest, in milliseconds.
/// </summary>
public static class DurationParser
{
    private static readonly Regex Duration = LinearRegex.Create(
        "\\b(took|duration|duration_ms|elapsed|elapsed_ms|latency|latency_ms|rt|request_time|response_time|upstream_response_time|time_taken|exec_time|query_time|in)[\"']? *[:=]? *[\"']? *([0-9]{1,9}(\\.[0-9]{1,6})?) *(ms|msec|millis|milliseconds|s|sec|secs|seconds|us|µs|m|min|mins|minutes)?\\b");

    // Keys that nginx and friends write in seconds without a unit.
    private static readonly HashSet<string> UnitlessSecondKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "rt", "request_time", "response_time", "upstream_response_time", "query_time", "took", "in",
    };

    public static double? LongestMilliseconds(string line)
    {
        // Most lines report no duration: the existence check runs the automaton once, while enumerating matches
        // with their groups runs it three times (end, start, captures).
        if (!Duration.IsMatch(line))
        {
            return null;
        }

        double? longest = null;
        foreach (Match match in Duration.Matches(line))
        {
            var key = match.Groups[1].Value;
            var unit = match.Groups[4].Value;
            if (unit.Length == 0 && key.Equals("in", StringComparison.OrdinalIgnoreCase))
            {
                continue; // "in 3 attempts" is not a duration.
            }

            var value = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var milliseconds = value * UnitFactor(key, unit);
            longest = longest is null ? milliseconds : Math.Max(longest.Value, milliseconds);
        }

        return longest;
    }

    private static double UnitFactor(string key, string unit) => unit.ToLowerInvariant() switch
    {
        "ms" or "msec" or "millis" or "milliseconds" => 1,
        "s" or "sec" or "secs" or "seconds" => 1000,
        "us" or "µs" => 0.001,
        "m" or "min" or "mins" or "minutes" => 60_000,
        _ when key.EndsWith("_ms", StringComparison.OrdinalIgnoreCase) => 1,
        _ when UnitlessSecondKeys.Contains(key) => 1000,
        _ => 1,
    };
}
