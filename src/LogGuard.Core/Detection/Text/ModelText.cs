using System.Text;

namespace LogGuard.Core.Detection.Text;

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

    private static readonly System.Buffers.SearchValues<char> HexDigitsAndDash =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF-");

    private const string SpacedPunctuation = "[](){}<>:;,\"'=|&?!*$`\\";

    public static string FromDecoded(string decodedLine)
    {
        var source = decodedLine.Length > MaxModelChars ? decodedLine.AsSpan(0, MaxModelChars) : decodedLine.AsSpan();
        var builder = new StringBuilder(source.Length + 32);
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

                AppendWord(builder, source[index..end]);
                index = end;
                continue;
            }

            if (SpacedPunctuation.Contains(c, StringComparison.Ordinal))
            {
                builder.Append(' ').Append(c).Append(' ');
            }
            else if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }

            index++;
        }

        return CollapseSpaces(builder);
    }

    /// <summary>The words of a model text: the unit the vocabulary and the drift statistics count.</summary>
    public static IEnumerable<string> Tokens(string modelText)
    {
        foreach (var token in modelText.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Any(char.IsAsciiLetterOrDigit))
            {
                yield return token;
            }
        }
    }

    private static void AppendWord(StringBuilder builder, ReadOnlySpan<char> word)
    {
        var trimmed = word.TrimEnd(".-");
        if (IsIpv4(trimmed))
        {
            builder.Append(" <ip> ");
        }
        else if (IsHexIdentifier(trimmed))
        {
            builder.Append(" <hex> ");
        }
        else
        {
            var previousWasDigit = false;
            foreach (var c in trimmed)
            {
                var isDigit = char.IsAsciiDigit(c);
                if (!isDigit || !previousWasDigit)
                {
                    builder.Append(isDigit ? '0' : char.ToLowerInvariant(c));
                }

                previousWasDigit = isDigit;
            }
        }

        builder.Append(word[trimmed.Length..]);
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

    private static string CollapseSpaces(StringBuilder builder)
    {
        var result = new StringBuilder(builder.Length);
        var previousSpace = true;
        for (var i = 0; i < builder.Length; i++)
        {
            var c = builder[i];
            if (c == ' ')
            {
                if (!previousSpace)
                {
                    result.Append(' ');
                }

                previousSpace = true;
            }
            else
            {
                result.Append(c);
                previousSpace = false;
            }
        }

        return result.ToString().TrimEnd();
    }
}
