using System.Text.RegularExpressions;

namespace LogGuard.Core.Detection.Text;

/// <summary>
/// Masks what must never reach the audit store in clear: credentials, tokens, keys and the
/// personal data in a line (addresses, e-mail). Masks keep the kind visible (&lt;ip&gt;, &lt;email&gt;)
/// so a stored line still reads sensibly.
/// </summary>
public static class SecretMasker
{
    private static readonly MaskRule[] Rules =
    [
        new("bearer", SafeRegex.Create("\\bbearer +[A-Za-z0-9._~+/=-]{8,}"), _ => "Bearer ***"),
        new("jwt", SafeRegex.Create("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*", ignoreCase: false), _ => "<jwt>"),
        new("api_key", SafeRegex.Create("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b|\\b(sk|pk|rk)_(live|test)_[A-Za-z0-9]{10,}|\\bgh[pousr]_[A-Za-z0-9]{20,}", ignoreCase: false), _ => "<api-key>"),
        new(
            "credential",
            SafeRegex.Create("(password|passwd|pwd|passphrase|secret|client_secret|token|access_token|refresh_token|api[_-]?key|x-api-key|access[_-]?key|private[_-]?key|authorization|session[_-]?id|cookie)([\"']? *[:=] *[\"']?)([^ \"'&,;}]+)"),
            match => match.Groups[1].Value + match.Groups[2].Value + "***"),
        new("email", SafeRegex.Create("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"), _ => "<email>"),
        new("ip", SafeRegex.Create("\\b([0-9]{1,3}\\.){3}[0-9]{1,3}\\b"), _ => "<ip>"),
        new("ip", SafeRegex.Create("\\b([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\\b|\\b([0-9a-f]{1,4}:)+:([0-9a-f]{1,4}(:[0-9a-f]{1,4})*)?\\b"), _ => "<ip>"),
        new("hex", SafeRegex.Create("\\b[0-9a-f]{24,}\\b"), _ => "<hex>"),
        new("base64", SafeRegex.Create("[A-Za-z0-9+/_-]{32,}={0,2}", ignoreCase: false), LooksLikeEncodedSecret),
    ];

    public static MaskedLine Mask(string line)
    {
        Dictionary<string, int>? counts = null;
        var masked = line;
        foreach (var rule in Rules)
        {
            var hits = 0;
            masked = rule.Pattern.Replace(masked, match =>
            {
                var replacement = rule.Replace(match);
                if (replacement != match.Value)
                {
                    hits++;
                }

                return replacement;
            });

            if (hits > 0)
            {
                counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
                counts[rule.Kind] = counts.GetValueOrDefault(rule.Kind) + hits;
            }
        }

        return new MaskedLine(masked, counts ?? EmptyCounts);
    }

    private static readonly IReadOnlyDictionary<string, int> EmptyCounts = new Dictionary<string, int>();

    // Paths and long identifiers look like base64 too; a secret mixes cases and digits and is not a path.
    private static string LooksLikeEncodedSecret(Match match)
    {
        var value = match.Value;
        bool upper = false, lower = false, digit = false;
        var slashes = 0;
        foreach (var c in value)
        {
            upper |= char.IsAsciiLetterUpper(c);
            lower |= char.IsAsciiLetterLower(c);
            digit |= char.IsAsciiDigit(c);
            slashes += c == '/' ? 1 : 0;
        }

        return upper && lower && digit && slashes <= 2 ? "<secret>" : value;
    }

    private sealed record MaskRule(string Kind, Regex Pattern, Func<Match, string> Replace);
}
