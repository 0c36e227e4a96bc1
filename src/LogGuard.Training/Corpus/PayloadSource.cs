using System.Text.Json;

namespace LogGuard.Training.Corpus;

/// <summary>
/// Attack strings (PayloadsAllTheThings, HttpParamsDataset anomalies) and benign parameter values
/// (HttpParamsDataset, from CSIC 2010), embedded into requests as clients send them. Benign and
/// malicious values go through the same embedding, so the only difference the model can learn is the value.
/// Split by value: a payload is on one side only.
/// </summary>
public static class PayloadSource
{
    public const string AccessSource = "attacks-in-access-log";
    public const string StructuredSource = "attacks-in-app-log";

    /// <summary>Shorter "payloads" (<c>*</c>, <c>`</c>, <c>||</c>) cannot be told from benign values and are dropped.</summary>
    public const int MinPayloadLength = 3;

    public const double EvasionShare = 0.35;

    /// <summary>Families whose payloads are request paths, not parameter values.</summary>
    private static readonly HashSet<string> TargetFamilies = new(StringComparer.Ordinal) { "crlf_injection", "management_probes" };

    /// <summary>
    /// Management endpoints that monitoring reads all day (kube-probe, Prometheus): requesting them is not an
    /// attack, so they are left out of the probes; the normal web traffic requests them.
    /// </summary>
    private static readonly HashSet<string> MonitoringEndpoints = new(StringComparer.OrdinalIgnoreCase)
    {
        "health", "info", "metrics", "prometheus", "actuator/health", "actuator/info", "actuator/metrics", "actuator/prometheus",
    };

    /// <param name="frames">The sites whose requests carry the values.</param>
    public static IEnumerable<LabelledLine> Read(string dataDirectory, IReadOnlyList<Site> frames, SyntheticRandom random, int seed)
    {
        foreach (var payload in Values(dataDirectory))
        {
            var (value, suspicious, family) = payload;
            var isTest = GroupSplit.IsTest("value:" + value, seed);
            var status = suspicious ? random.Pick(new[] { 200, 200, 400, 403, 404, 500 }) : random.Pick(new[] { 200, 200, 200, 301, 302, 304, 404 });
            var method = random.Chance(0.85) ? "GET" : "POST";
            var frame = random.Pick(frames);
            var target = payload.AsTarget ? (value.StartsWith('/') ? value : "/" + value) : AccessLog.TargetWithValue(random, value, frame);
            var line = AccessLog.Line(random, method, target, status, referer: frame.Referer(random));
            yield return new LabelledLine(line, suspicious, AccessSource, value, isTest) { Family = family };

            // A third of the attacks also arrive in an evasive spelling, on the same side of the split as the original.
            if (suspicious && !payload.AsTarget && random.Chance(EvasionShare) && Evasions.Rewrite(random, value, family) is { } evasive)
            {
                var evasiveFrame = random.Pick(frames);
                var evasiveLine = AccessLog.Line(random, method, AccessLog.TargetWithValue(random, evasive, evasiveFrame), status, referer: evasiveFrame.Referer(random));
                yield return new LabelledLine(evasiveLine, true, AccessSource, value, isTest) { Family = family };
            }

            // A fifth of the values also appear in application logs, so the model learns the value, not the access-log frame.
            if (!payload.AsTarget && random.Chance(0.2))
            {
                yield return new LabelledLine(AppLogWithValue(random, value), suspicious, StructuredSource, value, isTest) { Family = family };
            }
        }
    }

    private sealed record Payload(string Value, bool Suspicious, string Family)
    {
        public bool AsTarget => TargetFamilies.Contains(Family[(Family.IndexOf('/', StringComparison.Ordinal) + 1)..]);
    }

    private static IEnumerable<Payload> Values(string dataDirectory)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(dataDirectory, "payloads"), "*.tsv").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) == "scanner_user_agents.tsv")
            {
                continue;
            }

            var family = Path.GetFileNameWithoutExtension(file);
            foreach (var row in CsvFile.Read(file, "\t"))
            {
                var payload = Clean(row["payload"]);
                if (payload.Length >= MinPayloadLength && !(family == "management_probes" && MonitoringEndpoints.Contains(payload.Trim('/'))))
                {
                    yield return new Payload(payload, true, "payloads/" + family);
                }
            }
        }

        foreach (var command in Evasions.WindowsCommandPayloads())
        {
            yield return new Payload(command, true, "payloads/command_injection");
        }

        foreach (var row in CsvFile.Read(Path.Combine(dataDirectory, "httpparams", "payload_train.csv")))
        {
            var value = Clean(row["payload"]);
            var suspicious = row["label"] == "anom";
            if (value.Length >= (suspicious ? MinPayloadLength : 1))
            {
                yield return new Payload(value, suspicious, "httpparams/" + (suspicious ? row["attack_type"] : "benign"));
            }
        }
    }

    private static string AppLogWithValue(SyntheticRandom random, string value) => random.Next(3) switch
    {
        0 => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["ts"] = random.IsoTime(),
            ["level"] = "info",
            ["service"] = random.Pick(Vocabulary.Services),
            ["msg"] = "request received",
            ["param"] = random.Pick(Vocabulary.QueryKeys),
            ["value"] = value,
        }),
        1 => $"ts={random.IsoTime()} level=info service={random.Pick(Vocabulary.Services)} msg=\"form submitted\" field={random.Pick(Vocabulary.QueryKeys)} value=\"{value.Replace("\"", "\\\"", StringComparison.Ordinal)}\"",
        _ => $"{random.AppTime()} INFO [http-nio-8080-exec-{random.Between(1, 40)}] {random.Pick(Vocabulary.JavaLoggers)} - search query: {value}",
    };

    private static string Clean(string value) => value.Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ').Trim();
}
