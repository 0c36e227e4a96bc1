using System.Text;
using System.Text.RegularExpressions;

namespace LogGuard.Core.Detection.Preprocessing;

/// <summary>
/// The parts of a web access-log line (common or combined format) that say what was asked: the method, the
/// request target, the status class, the referer's path and the user agent. The client address, the time,
/// the byte count and the referer's host say which site and which moment, not whether the request is an attack;
/// a model that reads them learns the sites it was trained on instead of the requests.
/// </summary>
public static class AccessRequest
{
    private static readonly Regex Request = LinearRegex.Create(
        "\"(?<method>[A-Z]{3,7}) (?<target>[^\"]*) HTTP/[0-9.]+\" (?<status>[1-5])[0-9]{2} (?:[0-9]+|-)(?: \"(?<referer>[^\"]*)\" \"(?<agent>[^\"]*)\")?",
        ignoreCase: false);

    private static readonly Regex SchemeAndHost = LinearRegex.Create("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*", ignoreCase: false);

    /// <summary>The request as the model should read it, decoded; null when the line is not an access-log line.</summary>
    public static string? ForModel(string line)
    {
        var match = Request.Match(line);
        if (!match.Success)
        {
            return null;
        }

        var text = new StringBuilder()
            .Append(match.Groups["method"].ValueSpan).Append(' ')
            .Append(LineDecoder.Decode(match.Groups["target"].Value))
            .Append(" status ").Append(StatusClass(match.Groups["status"].ValueSpan[0]));
        var referer = match.Groups["referer"];
        var refererPath = referer.Success ? SchemeAndHost.Replace(referer.Value, string.Empty) : "-";
        if (refererPath is not ("-" or "" or "/"))
        {
            text.Append(" referer ").Append(LineDecoder.Decode(refererPath));
        }

        var agent = match.Groups["agent"];
        if (agent.Success)
        {
            text.Append(" agent ").Append(LineDecoder.Decode(agent.Value));
        }

        return text.ToString();
    }

    // In words: the model text turns every digit into 0, which would make every class read alike.
    private static string StatusClass(char first) => first switch
    {
        '1' => "informational",
        '2' => "success",
        '3' => "redirect",
        '4' => "client_error",
        _ => "server_error",
    };
}
