using System.Net;

namespace LogGuard.Core.Detection.Preprocessing;

/// <summary>
/// Undoes the encodings attackers hide behind, so rules and model see <c>' OR 1=1</c>
/// whether the client sent it plain, percent-encoded, double-encoded or as HTML entities.
/// </summary>
public static class LineDecoder
{
    // Two rounds catch double encoding (%2527); more rounds buy nothing seen in practice.
    private const int MaxRounds = 2;

    public static string Decode(string line)
    {
        var current = line;
        for (var round = 0; round < MaxRounds; round++)
        {
            var next = DecodeOnce(current);
            if (next == current)
            {
                break;
            }

            current = next;
        }

        return current;
    }

    private static string DecodeOnce(string text)
    {
        var decoded = text;
        if (decoded.Contains('%', StringComparison.Ordinal) || decoded.Contains('+', StringComparison.Ordinal))
        {
            decoded = WebUtility.UrlDecode(decoded);
        }

        if (decoded.Contains('&', StringComparison.Ordinal))
        {
            decoded = WebUtility.HtmlDecode(decoded);
        }

        return decoded;
    }
}
