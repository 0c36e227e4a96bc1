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

    public static IEnumerable<LabelledLine> Read(string dataDirectory, SyntheticRandom random, int seed)
    {
        foreach (var (value, suspicious) in Values(dataDirectory))
        {
            var isTest = GroupSplit.IsTest("value:" + value, seed);
            var status = suspicious ? random.Pick(new[] { 200, 200, 400, 403, 404, 500 }) : random.Pick(new[] { 200, 200, 200, 301, 302, 304, 404 });
            var method = random.Chance(0.85) ? "GET" : "POST";
            yield return new LabelledLine(AccessLog.Line(random, method, AccessLog.TargetWithValue(random, value), status), suspicious, AccessSource, value, isTest);

            // A fifth of the values also appear in application logs, so the model learns the value, not the access-log frame.
            if (random.Chance(0.2))
            {
                yield return new LabelledLine(AppLogWithValue(random, value), suspicious, StructuredSource, value, isTest);
            }
        }
    }

    private static IEnumerable<(string Value, bool Suspicious)> Values(string dataDirectory)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(dataDirectory, "payloads"), "*.tsv").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) == "scanner_user_agents.tsv")
            {
                continue;
            }

            foreach (var row in CsvFile.Read(file, "\t"))
            {
                var payload = Clean(row["payload"]);
                if (payload.Length >= MinPayloadLength)
                {
                    yield return (payload, true);
                }
            }
        }

        foreach (var row in CsvFile.Read(Path.Combine(dataDirectory, "httpparams", "payload_train.csv")))
        {
            var value = Clean(row["payload"]);
            var suspicious = row["label"] == "anom";
            if (value.Length >= (suspicious ? MinPayloadLength : 1))
            {
                yield return (value, suspicious);
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
