using System.Net;

namespace LogGuard.Core.Detection.Preprocessing;

/// <summary>
/// Undoes the encodings attackers hide behind, so rules and model see <c>' OR 1=1</c>
/// whether the client sent it plain, percent-encoded, double-encoded, as HTML entities, as overlong UTF-8
/// or in fullwidth letters.
/// </summary>
public static class LineDecoder
{
    // Two rounds catch double encoding (%2527); more rounds buy nothing seen in practice.
    private const int MaxRounds = 2;

    // Fullwidth forms U+FF01..U+FF5E are ASCII '!'..'~' shifted by this much. The service runs without ICU, so
    // Unicode compatibility normalisation (NFKC) is not available; these are the look-alikes that matter.
    private const char FullwidthFirst = '\uFF01';
    private const char FullwidthLast = '\uFF5E';
    private const int FullwidthShift = 0xFEE0;

    // Overlong UTF-8 spellings of the dot, the slash and the backslash that old decoders accepted (the IIS traversal), percent-encoded.
    private static readonly (string Overlong, string Plain)[] OverlongForms =
    [
        ("%c0%ae", "."), ("%c0%af", "/"), ("%c1%9c", "\\"), ("%c1%1c", "/"), ("%e0%80%ae", "."), ("%e0%80%af", "/"),
    ];

    public static string Decode(string line)
    {
        var current = FoldFullwidth(line);
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
            decoded = WebUtility.UrlDecode(ReplaceOverlong(decoded));
        }

        if (decoded.Contains('&', StringComparison.Ordinal))
        {
            decoded = WebUtility.HtmlDecode(decoded);
        }

        return decoded;
    }

    private static string FoldFullwidth(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange(FullwidthFirst, FullwidthLast) < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                chars[i] = c is >= FullwidthFirst and <= FullwidthLast ? (char)(c - FullwidthShift) : c;
            }
        });
    }

    private static string ReplaceOverlong(string text)
    {
        if (!text.Contains("%c", StringComparison.OrdinalIgnoreCase) && !text.Contains("%e0%80", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        foreach (var (overlong, plain) in OverlongForms)
        {
            text = text.Replace(overlong, plain, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
