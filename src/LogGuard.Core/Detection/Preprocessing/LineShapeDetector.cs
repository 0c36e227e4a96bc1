using System.Text.RegularExpressions;

namespace LogGuard.Core.Detection.Preprocessing;

/// <summary>Recognises the common log formats and the level a line declares.</summary>
public static class LineShapeDetector
{
    private static readonly Regex WebAccess = LinearRegex.Create(
        "\"(GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH|CONNECT|TRACE) [^\"]* HTTP/[0-9.]+\" [0-9]{3}", ignoreCase: false);

    private static readonly Regex Syslog = LinearRegex.Create(
        "^(<[0-9]{1,3}>[0-9]? ?)?([A-Z][a-z]{2} +[0-9]{1,2} [0-9]{2}:[0-9]{2}:[0-9]{2}|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9:]+)?) [A-Za-z0-9._-]+ [A-Za-z0-9_./()-]+(\\[[0-9]+\\])?:",
        ignoreCase: false);

    private static readonly Regex KeyValuePair = LinearRegex.Create("(^|[ ,;])[A-Za-z_][A-Za-z0-9_.-]*=", ignoreCase: false);

    private static readonly Dictionary<string, string> CanonicalLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = "TRACE",
        ["debug"] = "DEBUG",
        ["info"] = "INFO",
        ["information"] = "INFO",
        ["notice"] = "NOTICE",
        ["warn"] = "WARN",
        ["warning"] = "WARN",
        ["error"] = "ERROR",
        ["err"] = "ERROR",
        ["severe"] = "ERROR",
        ["failure"] = "ERROR",
        ["fatal"] = "FATAL",
        ["critical"] = "CRITICAL",
        ["crit"] = "CRITICAL",
        ["alert"] = "CRITICAL",
        ["emerg"] = "CRITICAL",
        ["emergency"] = "CRITICAL",
    };

    public static LineShape Detect(string line)
    {
        var format = DetectFormat(line);
        return new LineShape(format, DetectLevel(line, format));
    }

    private static LogFormat DetectFormat(string line)
    {
        var trimmed = line.AsSpan().TrimStart();
        if (trimmed.Length > 1 && trimmed[0] == '{' && line.AsSpan().TrimEnd().EndsWith("}"))
        {
            return LogFormat.Json;
        }

        if (WebAccess.IsMatch(line))
        {
            return LogFormat.WebAccess;
        }

        if (Syslog.IsMatch(line))
        {
            return LogFormat.Syslog;
        }

        return KeyValuePair.Count(line) >= 3 ? LogFormat.KeyValue : LogFormat.Other;
    }

    // A scan, not a regex with groups: it runs on every line, and capture groups force the regex engine onto its slowest path.
    private static string? DetectLevel(string line, LogFormat format)
    {
        var declared = format switch
        {
            LogFormat.Json => ValueAfterKey(line, LevelKeys, quoted: true),
            LogFormat.KeyValue => ValueAfterKey(line, LevelKeys, quoted: false),
            _ => null,
        };

        if (declared is not null && CanonicalLevels.TryGetValue(declared, out var level))
        {
            return level;
        }

        return BareLevel(line);
    }

    private static readonly CaseInsensitiveText[] LevelKeys =
        [.. new[] { "level", "severity", "lvl", "loglevel", "log.level" }.Select(key => new CaseInsensitiveText(key))];

    /// <summary>The word after <c>"key":"</c> (JSON) or <c>key=</c> (key=value), for the first key present.</summary>
    private static string? ValueAfterKey(string line, CaseInsensitiveText[] keys, bool quoted)
    {
        foreach (var key in keys)
        {
            var index = key.IndexIn(line);
            while (index >= 0)
            {
                var before = index == 0 ? ' ' : line[index - 1];
                var position = index + key.Length;
                var boundary = quoted ? before == '"' : before is ' ' or ',' or ';' or '\t';
                if (boundary && (!quoted || (position < line.Length && line[position] == '"')))
                {
                    position += quoted ? 1 : 0;
                    while (position < line.Length && line[position] == ' ')
                    {
                        position++;
                    }

                    if (position < line.Length && line[position] is ':' or '=')
                    {
                        position++;
                        while (position < line.Length && line[position] is ' ' or '"')
                        {
                            position++;
                        }

                        var end = position;
                        while (end < line.Length && char.IsAsciiLetter(line[end]))
                        {
                            end++;
                        }

                        if (end > position)
                        {
                            return line[position..end];
                        }
                    }
                }

                index = key.IndexIn(line, index + 1);
            }
        }

        return null;
    }

    // Upper case, or lower case in brackets: "no error found" in prose declares no level, "[error]" and "ERROR" do.
    private static string? BareLevel(string line)
    {
        var index = 0;
        while (index < line.Length)
        {
            if (!char.IsAsciiLetter(line[index]))
            {
                index++;
                continue;
            }

            var end = index;
            while (end < line.Length && char.IsAsciiLetter(line[end]))
            {
                end++;
            }

            var word = line.AsSpan(index, end - index);
            var bracketed = index > 0 && line[index - 1] == '[' && end < line.Length && line[end] == ']';
            if (word.Length is >= 3 and <= 9
                && (!word.ContainsAnyInRange('a', 'z') || (bracketed && !word.ContainsAnyInRange('A', 'Z')))
                && BareLevels.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var level))
            {
                return level;
            }

            index = end;
        }

        return null;
    }

    private static readonly Dictionary<string, string> BareLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TRACE"] = "TRACE", ["DEBUG"] = "DEBUG", ["INFO"] = "INFO", ["NOTICE"] = "NOTICE", ["WARN"] = "WARN",
        ["WARNING"] = "WARN", ["ERROR"] = "ERROR", ["ERR"] = "ERROR", ["SEVERE"] = "ERROR", ["FAILURE"] = "ERROR",
        ["FATAL"] = "FATAL", ["CRITICAL"] = "CRITICAL", ["CRIT"] = "CRITICAL", ["ALERT"] = "CRITICAL",
        ["EMERG"] = "CRITICAL", ["EMERGENCY"] = "CRITICAL",
    };
}
