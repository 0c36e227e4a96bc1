using System.Text;
using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Core.Detection.Masking;

/// <summary>
/// Masks what must never reach the audit store in clear: credentials, tokens, keys and the personal data
/// in a line (addresses, e-mail). Masks keep the kind visible (&lt;ip&gt;, &lt;email&gt;) so a stored line still reads sensibly.
/// </summary>
/// <remarks>
/// A single hand-written pass over the line rather than a set of regexes: it runs on every line, and
/// a scan of words is linear by construction, allocation-light and free of any shared state between threads.
/// </remarks>
public static class SecretMasker
{
    private const string Masked = "***";

    // Keys whose value is a secret, as in password=..., "api_key": "...", Authorization: ...
    private static readonly string[] CredentialKeys =
    [
        "password", "passwd", "pwd", "passphrase", "client_secret", "secret", "access_token", "refresh_token", "token",
        "x-api-key", "api_key", "api-key", "apikey", "access_key", "access-key", "accesskey", "private_key", "private-key",
        "authorization", "session_id", "session-id", "sessionid", "cookie",
    ];

    public static MaskedLine Mask(string line)
    {
        var counts = new MaskCounts();
        var text = MaskBearerTokens(line, counts);
        text = MaskCredentials(text, counts);
        text = MaskWords(text, counts);
        return new MaskedLine(text, counts.ToDictionary());
    }

    private static readonly CaseInsensitiveText Bearer = new("bearer ");

    private static string MaskBearerTokens(string line, MaskCounts counts)
    {
        var index = Bearer.IndexIn(line);
        if (index < 0)
        {
            return line;
        }

        var builder = new StringBuilder(line.Length);
        var copied = 0;
        while (index >= 0)
        {
            var start = index + Bearer.Length;
            while (start < line.Length && line[start] == ' ')
            {
                start++;
            }

            var end = start;
            while (end < line.Length && IsTokenChar(line[end]))
            {
                end++;
            }

            if (end - start >= 8 && (index == 0 || !char.IsAsciiLetterOrDigit(line[index - 1])))
            {
                builder.Append(line, copied, index - copied).Append("Bearer ").Append(Masked);
                copied = end;
                counts.Add("bearer");
            }

            index = Bearer.IndexIn(line, Math.Max(end, index + 1));
        }

        return builder.Append(line, copied, line.Length - copied).ToString();
    }

    // One pass over the separators: for each ':' or '=', the word before it decides whether the value after it is a secret.
    private static string MaskCredentials(string line, MaskCounts counts)
    {
        StringBuilder? builder = null;
        var copied = 0;
        var separator = line.AsSpan().IndexOfAny(':', '=');
        while (separator >= 0)
        {
            var next = separator + 1;
            if (IsCredentialKey(line, separator))
            {
                var valueStart = Skip(line, separator + 1, "\"' ");
                var valueEnd = valueStart;
                while (valueEnd < line.Length && line[valueEnd] is not (' ' or '"' or '\'' or '&' or ',' or ';' or '}'))
                {
                    valueEnd++;
                }

                if (valueEnd > valueStart && valueStart >= copied)
                {
                    builder ??= new StringBuilder(line.Length);
                    builder.Append(line, copied, valueStart - copied).Append(Masked);
                    copied = valueEnd;
                    counts.Add("credential");
                    next = valueEnd;
                }
            }

            if (next >= line.Length)
            {
                break;
            }

            var offset = line.AsSpan(next).IndexOfAny(':', '=');
            separator = offset < 0 ? -1 : next + offset;
        }

        return builder is null ? line : builder.Append(line, copied, line.Length - copied).ToString();
    }

    private static bool IsCredentialKey(string line, int separator)
    {
        var end = separator;
        while (end > 0 && line[end - 1] is '"' or '\'' or ' ')
        {
            end--;
        }

        var start = end;
        while (start > 0 && (char.IsAsciiLetterOrDigit(line[start - 1]) || line[start - 1] is '_' or '-'))
        {
            start--;
        }

        var word = line.AsSpan(start, end - start);
        foreach (var key in CredentialKeys)
        {
            if (word.EndsWith(key, StringComparison.OrdinalIgnoreCase)
                && (word.Length == key.Length || word[word.Length - key.Length - 1] is '_' or '-' or '.'))
            {
                return true;
            }
        }

        return false;
    }

    private static int Skip(string line, int position, string characters)
    {
        while (position < line.Length && characters.Contains(line[position], StringComparison.Ordinal))
        {
            position++;
        }

        return position;
    }

    private static string MaskWords(string line, MaskCounts counts)
    {
        StringBuilder? builder = null;
        var copied = 0;
        var start = 0;
        while (start < line.Length)
        {
            if (IsWordDelimiter(line[start]))
            {
                start++;
                continue;
            }

            var end = start;
            while (end < line.Length && !IsWordDelimiter(line[end]))
            {
                end++;
            }

            var word = line.AsSpan(start, end - start);
            var body = word.TrimEnd(".:)");
            var (kind, mask) = Classify(body);
            if (kind is not null)
            {
                builder ??= new StringBuilder(line.Length);
                builder.Append(line, copied, start - copied).Append(mask);
                copied = start + body.Length;
                counts.Add(kind);
            }
            else if (word.Contains('.') && ContainsIpv4(word, out var ipStart, out var ipLength))
            {
                builder ??= new StringBuilder(line.Length);
                builder.Append(line, copied, start + ipStart - copied).Append("<ip>");
                copied = start + ipStart + ipLength;
                counts.Add("ip");
            }

            start = end;
        }

        return builder is null ? line : builder.Append(line, copied, line.Length - copied).ToString();
    }

    private static (string? Kind, string Mask) Classify(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return (null, "");
        }

        if (word.Contains('@') && IsEmail(word))
        {
            return ("email", "<email>");
        }

        if (IsIpv6(word))
        {
            return ("ip", "<ip>");
        }

        if (word.Length >= 24 && !word.ContainsAnyExcept(HexDigits))
        {
            return ("hex", "<hex>");
        }

        if (IsJwt(word))
        {
            return ("jwt", "<jwt>");
        }

        if (IsApiKey(word))
        {
            return ("api_key", "<api-key>");
        }

        return IsEncodedSecret(word) ? ("base64", "<secret>") : (null, "");
    }

    private static bool IsEmail(ReadOnlySpan<char> word)
    {
        var at = word.IndexOf('@');
        var local = word[..at];
        var domain = word[(at + 1)..];
        if (local.IsEmpty || local.Length > 64 || local.ContainsAnyExcept(EmailLocalChars))
        {
            return false;
        }

        var lastDot = domain.LastIndexOf('.');
        if (lastDot <= 0 || domain.ContainsAnyExcept(DomainChars) || domain.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        var tld = domain[(lastDot + 1)..];
        return tld.Length >= 2 && IsAsciiLetters(tld);
    }

    private static bool IsAsciiLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIpv6(ReadOnlySpan<char> word)
    {
        if (word.ContainsAnyExcept(Ipv6Chars))
        {
            return false;
        }

        var colons = word.Count(':');
        return colons >= 2 && (colons == 7 || word.Contains("::", StringComparison.Ordinal)) && word.ContainsAny(HexDigits);
    }

    private static bool ContainsIpv4(ReadOnlySpan<char> word, out int start, out int length)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (!char.IsAsciiDigit(word[i]) || (i > 0 && (char.IsAsciiDigit(word[i - 1]) || word[i - 1] == '.')))
            {
                continue;
            }

            var end = i;
            var groups = 0;
            while (groups < 4)
            {
                var digits = 0;
                while (end < word.Length && char.IsAsciiDigit(word[end]) && digits < 4)
                {
                    end++;
                    digits++;
                }

                if (digits is 0 or > 3)
                {
                    break;
                }

                groups++;
                if (groups < 4)
                {
                    if (end >= word.Length || word[end] != '.')
                    {
                        break;
                    }

                    end++;
                }
            }

            var bounded = end >= word.Length || !(char.IsAsciiDigit(word[end]) || (word[end] == '.' && end + 1 < word.Length && char.IsAsciiDigit(word[end + 1])));
            if (groups == 4 && bounded)
            {
                start = i;
                length = end - i;
                return true;
            }
        }

        start = length = 0;
        return false;
    }

    private static bool IsJwt(ReadOnlySpan<char> word) =>
        word.Length >= 20 && word.StartsWith("eyJ", StringComparison.Ordinal) && word.Count('.') == 2 && !word.ContainsAnyExcept(Base64UrlAndDot);

    private static bool IsApiKey(ReadOnlySpan<char> word) =>
        (word.Length == 20 && (word.StartsWith("AKIA", StringComparison.Ordinal) || word.StartsWith("ASIA", StringComparison.Ordinal)) && !word.ContainsAnyExcept(UpperAlphanumerics))
        || (word.Length >= 18 && (word.StartsWith("sk_live_", StringComparison.Ordinal) || word.StartsWith("sk_test_", StringComparison.Ordinal) || word.StartsWith("rk_live_", StringComparison.Ordinal)))
        || (word.Length >= 24 && word.StartsWith("gh", StringComparison.Ordinal) && word[3] == '_' && "pousr".Contains(word[2], StringComparison.Ordinal));

    // Paths and long identifiers look like base64 too; a secret mixes cases and digits and is not a path.
    private static bool IsEncodedSecret(ReadOnlySpan<char> word)
    {
        var body = word.TrimEnd('=');
        if (body.Length < 32 || word.Length - body.Length > 2 || body.ContainsAnyExcept(Base64Chars) || body.Count('/') > 2)
        {
            return false;
        }

        return body.ContainsAnyInRange('A', 'Z') && body.ContainsAnyInRange('a', 'z') && body.ContainsAnyInRange('0', '9');
    }

    private static bool IsWordDelimiter(char c) =>
        char.IsWhiteSpace(c) || c is '"' or '\'' or '`' or '(' or '[' or ']' or '{' or '}' or '<' or '>' or ',' or ';' or '&' or '?' or '=' or '|' or '\\';

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~' or '+' or '/' or '=' or '-';

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
    private static readonly System.Buffers.SearchValues<char> Ipv6Chars = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF:");
    private static readonly System.Buffers.SearchValues<char> EmailLocalChars = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-");
    private static readonly System.Buffers.SearchValues<char> DomainChars = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");
    private static readonly System.Buffers.SearchValues<char> Base64Chars = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/_-");
    private static readonly System.Buffers.SearchValues<char> Base64UrlAndDot = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.");
    private static readonly System.Buffers.SearchValues<char> UpperAlphanumerics = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>How many of each kind were masked; allocates only when something was.</summary>
    private sealed class MaskCounts
    {
        private static readonly IReadOnlyDictionary<string, int> None = new Dictionary<string, int>();
        private Dictionary<string, int>? _counts;

        public void Add(string kind)
        {
            _counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
            _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
        }

        public IReadOnlyDictionary<string, int> ToDictionary() => _counts ?? None;
    }
}
