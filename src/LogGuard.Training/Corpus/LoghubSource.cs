using System.Text.RegularExpressions;

namespace LogGuard.Training.Corpus;

/// <summary>
/// Labels the loghub samples. BGL carries expert labels (its first token, stripped from the text) and is
/// split by time. The others are labelled by a documented policy and split by template:
/// OpenSSH and Linux by security template, the rest by declared level (ERROR/FATAL suspicious).
/// </summary>
public static class LoghubSource
{
    /// <summary>At most this many lines of one template enter training, so that a few huge templates do not drown the rest.</summary>
    public const int MaxTrainLinesPerTemplate = 60;

    public const double BglTestShare = 0.2;

    private static readonly Regex SecurityTemplate = new(
        "authentication failure|Failed password|Failed none|[Ii]nvalid user|user unknown|BREAK-IN ATTEMPT|Too many authentication failures"
        + "|more authentication failure|Auth fail|No more user authentication methods|Did not receive identification string"
        + "|ignoring max retries|Authentication failed|Couldn't authenticate user|User unknown timed out",
        RegexOptions.CultureInvariant);

    private static readonly HashSet<string> ErrorLevels = new(StringComparer.OrdinalIgnoreCase) { "error", "e", "f", "fatal", "severe", "critical" };

    private static readonly string[] SecuritySystems = ["OpenSSH", "Linux"];

    public static IEnumerable<LabelledLine> Read(string loghubDirectory, int seed)
    {
        foreach (var directory in Directory.GetDirectories(loghubDirectory).Order(StringComparer.Ordinal))
        {
            var system = Path.GetFileName(directory);
            var lines = system == "BGL" ? ReadBgl(directory) : ReadBySystemPolicy(directory, system, seed);
            foreach (var line in lines)
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<LabelledLine> ReadBgl(string directory)
    {
        var raw = ReadLogLines(Directory.GetFiles(directory, "*.log").Single());
        var rows = CsvFile.Read(Directory.GetFiles(directory, "*_structured.csv").Single()).ToList();
        var firstTest = (int)Math.Round(raw.Count * (1 - BglTestShare));
        for (var i = 0; i < raw.Count; i++)
        {
            var space = raw[i].IndexOf(' ', StringComparison.Ordinal);
            var tag = raw[i][..space];
            yield return new LabelledLine(raw[i][(space + 1)..], tag != "-", "loghub/BGL", "BGL:" + rows[i]["EventId"], i >= firstTest);
        }
    }

    private static IEnumerable<LabelledLine> ReadBySystemPolicy(string directory, string system, int seed)
    {
        var raw = ReadLogLines(Directory.GetFiles(directory, "*.log").Single());
        var rows = CsvFile.Read(Directory.GetFiles(directory, "*_structured.csv").Single()).ToList();
        var bySecurity = SecuritySystems.Contains(system);
        var trainPerTemplate = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(raw.Count, rows.Count); i++)
        {
            var group = $"{system}:{rows[i]["EventId"]}";
            var suspicious = bySecurity
                ? SecurityTemplate.IsMatch(rows[i]["EventTemplate"])
                : ErrorLevels.Contains(DeclaredLevel(system, rows[i]));
            var isTest = GroupSplit.IsTest(group, seed);
            if (!isTest)
            {
                var seen = trainPerTemplate.GetValueOrDefault(group);
                if (seen >= MaxTrainLinesPerTemplate)
                {
                    continue;
                }

                trainPerTemplate[group] = seen + 1;
            }

            yield return new LabelledLine(raw[i], suspicious, "loghub/" + system, group, isTest);
        }
    }

    // Proxifier has no level column, but writes its errors as "<target> error : <message>".
    private static string DeclaredLevel(string system, Dictionary<string, string> row) =>
        row.TryGetValue("Level", out var level) ? level
        : system == "Proxifier" && row["Content"].Contains(" error : ", StringComparison.Ordinal) ? "error"
        : "";

    private static List<string> ReadLogLines(string path) =>
        File.ReadAllText(path).Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList();
}
