using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Api.Detection;

/// <summary>The lower-case format names the audit store uses.</summary>
internal static class FormatNames
{
    public static string Of(LogFormat format) => format switch
    {
        LogFormat.WebAccess => "web_access",
        LogFormat.Syslog => "syslog",
        LogFormat.Json => "json",
        LogFormat.KeyValue => "key_value",
        _ => "other",
    };
}
