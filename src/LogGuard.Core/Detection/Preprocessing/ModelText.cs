using System.Buffers;

namespace LogGuard.Core.Detection.Preprocessing;

/// <summary>
/// Turns a line into the text the model sees, identically in training and in the service.
/// Numbers, addresses and hex identifiers vary from line to line without changing what a line
/// means, so they collapse into placeholders; otherwise the model memorises ids instead of wording.
/// Punctuation is spaced out so that attack syntax (<c>' or</c>, <c>&lt;script</c>, <c>../</c>) forms tokens of its own.
/// </summary>
public static class ModelText
{
    /// <summary>Longer lines are cut here before scoring; the rules still read the whole line.</summary>
    public const int MaxModelChars = 2048;

    private static readonly SearchValues<char> HexDigitsAndDash =
        SearchValues.Create("0123456789abcdefABCDEF-");

    private const string SpacedPunctuation = "[](){}<>:;,\"'=|&?!*$`\\";

    /// <summary>The model text of a raw line.</summary>
    public static string Of(string line) => Of(line, LineDecoder.Decode(line));

    /// <summary>The model text of a line already decoded: the request of an access-log line, the whole line otherwise.</summary>
    public static string Of(string line, string decodedLine) => FromDecoded(AccessRequest.ForModel(line) ?? decodedLine);

    public static string FromDecoded(string decodedLine)
    {
        var source = decodedLine.Length > MaxModelChars ? decodedLine.AsSpan(0, MaxModelChars) : decodedLine.AsSpan();

        // Every input character becomes at most three output characters (" x ", " <hex> " for "0x1").
        var rented = ArrayPool<char>.Shared.Rent((source.Length * 3) + 8);
        try
        {
            var writer = new CollapsingWriter(rented);
            var index = 0;
            while (index < source.Length)
            {
                var c = source[index];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    var end = index;
                    while (end < source.Length && (char.IsAsciiLetterOrDigit(source[end]) || source[end] == '_' || source[end] == '.' || source[end] == '-'))
                    {
                        end++;
                    }

                    AppendWord(ref writer, source[index..end]);
                    index = end;
                    continue;
                }

                if (SpacedPunctuation.Contains(c, StringComparison.Ordinal))
                {
                    writer.Append(' ');
                    writer.Append(c);
                    writer.Append(' ');
                }
                else if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    writer.Append(' ');
                }
                else
                {
                    writer.Append(char.ToLowerInvariant(c));
                }

                index++;
            }

            return writer.ToString();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The words of a model text: the unit the vocabulary and the drift statistics count.</summary>
    public static IEnumerable<string> Tokens(string modelText)
    {
        var tokens = new List<string>();
        foreach (var token in EnumerateTokens(modelText))
        {
            tokens.Add(token.ToString());
        }

        return tokens;
    }

    /// <summary>The same words as <see cref="Tokens"/>, without allocating: the request path counts them for every line.</summary>
    public static TokenEnumerator EnumerateTokens(ReadOnlySpan<char> modelText) => new(modelText);

    private static void AppendWord(ref CollapsingWriter writer, ReadOnlySpan<char> word)
    {
        var trimmed = word.TrimEnd(".-");
        if (IsIpv4(trimmed))
        {
            writer.Append(" <ip> ");
        }
        else if (IsHexIdentifier(trimmed))
        {
            writer.Append(" <hex> ");
        }
        else
        {
            var previousWasDigit = false;
            foreach (var c in trimmed)
            {
                var isDigit = char.IsAsciiDigit(c);
                if (!isDigit || !previousWasDigit)
                {
                    writer.Append(isDigit ? '0' : char.ToLowerInvariant(c));
                }

                previousWasDigit = isDigit;
            }
        }

        writer.Append(word[trimmed.Length..]);
    }

    private static bool IsIpv4(ReadOnlySpan<char> word)
    {
        var dots = 0;
        foreach (var c in word)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return dots == 3 && word.Length >= 7;
    }

    // 0x-prefixed values of any length, and long hex runs or UUIDs that contain a digit.
    private static bool IsHexIdentifier(ReadOnlySpan<char> word)
    {
        var hasPrefix = word.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        var body = hasPrefix ? word[2..] : word;
        if (body.IsEmpty || body.ContainsAnyExcept(HexDigitsAndDash))
        {
            return false;
        }

        return hasPrefix || (body.Length >= 8 && body.ContainsAnyInRange('0', '9'));
    }
}
