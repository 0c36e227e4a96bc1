using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Text;

namespace LogGuard.Api.Detection;

/// <summary>The lower-case names the API and the audit store use.</summary>
internal static class DecisionNames
{
    public static string Of(DecisionSource source) => source switch
    {
        DecisionSource.Rules => "rules",
        DecisionSource.Model => "model",
        _ => "hybrid",
    };
}

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
