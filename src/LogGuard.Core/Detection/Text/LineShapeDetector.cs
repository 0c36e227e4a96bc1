using System.Text.RegularExpressions;

namespace LogGuard.Core.Detection.Text;

/// <summary>Recognises the common log formats and the level a line declares.</summary>
public static class LineShapeDetector
{
    private static readonly SafeRegex WebAccess = SafeRegex.Create(
        "\"(GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH|CONNECT|TRACE) [^\"]* HTTP/[0-9.]+\" [0-9]{3}", ignoreCase: false);

    private static readonly SafeRegex Syslog = SafeRegex.Create(
        "^(<[0-9]{1,3}>[0-9]? ?)?([A-Z][a-z]{2} +[0-9]{1,2} [0-9]{2}:[0-9]{2}:[0-9]{2}|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9:]+)?) [A-Za-z0-9._-]+ [A-Za-z0-9_./()-]+(\\[[0-9]+\\])?:",
        ignoreCase: false);

    private static readonly SafeRegex KeyValuePair = SafeRegex.Create("(^|[ ,;])[A-Za-z_][A-Za-z0-9_.-]*=", ignoreCase: false);

    private static readonly SafeRegex JsonLevel = SafeRegex.Create(
        "\"(level|severity|lvl|loglevel|log\\.level)\" *: *\"([A-Za-z]+)\"");

    private static readonly SafeRegex KeyValueLevel = SafeRegex.Create(
        "(^|[ ,;])(level|severity|lvl)=\"?([A-Za-z]+)");

    // Upper case or in brackets only: "no error found" in prose declares no level.
    private static readonly SafeRegex BareLevel = SafeRegex.Create(
        "(^|[^A-Za-z])(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|SEVERE|FATAL|CRITICAL|CRIT|ALERT|EMERG|EMERGENCY|FAILURE)([^A-Za-z]|$)|\\[(trace|debug|info|notice|warn|warning|error|crit|alert|emerg)\\]",
        ignoreCase: false);

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

    private static string? DetectLevel(string line, LogFormat format)
    {
        var match = format switch
        {
            LogFormat.Json => JsonLevel.Match(line),
            LogFormat.KeyValue => KeyValueLevel.Match(line),
            _ => Match.Empty,
        };

        var word = match.Success ? match.Groups[match.Groups.Count - 1].Value : null;
        if (word is null)
        {
            var bare = BareLevel.Match(line);
            word = !bare.Success ? null : bare.Groups[2].Success ? bare.Groups[2].Value : bare.Groups[4].Value;
        }

        return word is not null && CanonicalLevels.TryGetValue(word, out var level) ? level : null;
    }
}
