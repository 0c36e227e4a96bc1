using System.Buffers;
using System.Text.RegularExpressions;
using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Core.Detection.Masking;

/// <summary>
/// Masks what must never reach the audit store in clear: credentials, tokens, keys, card numbers and the
/// personal data in a line (addresses, e-mail). Masks keep the kind visible (<c>&lt;ip&gt;</c>, <c>&lt;email&gt;</c>)
/// and keep the key or scheme in front of a secret (<c>password=***</c>, <c>Authorization: Basic ***</c>), so a
/// stored line still reads sensibly.
/// </summary>
/// <remarks>
/// The families run in order, each on what the previous ones left: a credential is masked under its key name
/// before the shape checks (JWT, base64, hex) could mistake it for something else. Every pattern runs on the
/// linear engine, so a hostile line costs no more than a long one.
/// </remarks>
public static class SecretMasker
{
    private const string Hidden = "***";

    // Key names whose value is a secret, matched at the end of the key: DB_PASSWORD, x-api-key, clientSecret, csrf_token.
    private const string SecretKey =
        """(?:password|passwd|passphrase|pass|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|secret[_-]?key|accountkey|sharedaccesskey|credentials?|session(?:[_-]?id)?|sid|sig|signature)""";

    // A value: double-quoted (escapes allowed), single-quoted, or bare up to a separator. Quotes stay outside the mask.
    private const string Value =
        """(?:"(?<secret>(?:[^"\\]|\\.)*)"|'(?<secret>[^']*)'|(?<secret>[^\s"'&,;}\]]+))""";

    private static readonly MaskPattern[] Families =
    [
        new("pem", Hidden, """-----BEGIN [A-Z0-9 ]{1,40}-----(?<secret>[\s\S]*?)(?:-----END [A-Z0-9 ]{1,40}-----|$)""", requires: "-----BEGIN ", ignoreCase: false),
        new("authorization", Hidden,
            """\b(?:proxy-)?authorization["']?\s*[:=]\s*["']?(?:(?:basic|bearer|digest|negotiate|ntlm|token|hoba|mutual|apikey|aws4-hmac-sha256)\s+)?(?<secret>[^\s"',;]+)""",
            requires: "authorization"),
        new("cookie", Hidden, """\b(?:set-)?cookie["']?\s*[:=]\s*["']?(?<secret>[^"'\r\n]+)""", requires: "cookie"),
        new("bearer", Hidden, """\bbearer\s+(?<secret>[a-z0-9._~+/=-]{8,})""", requires: "bearer"),
        new("basic", Hidden, """\bbasic\s+(?<secret>[a-z0-9+/]{6,}={0,2})""", requires: "basic", accept: IsBasicCredential),
        new("url_password", Hidden, """\b[a-z][a-z0-9+.-]*://[^\s/?#@:"']+:(?<secret>[^\s/?#@"']+)@""", requires: "://"),
        new("credential", Hidden, $"""(?:\b[a-z0-9_.-]*{SecretKey}["']?\s*[:=]\s*|(?:^|\s)--?(?:[a-z0-9]+-)*{SecretKey}\s+){Value}"""),
        new("credential", Hidden, """(?:^|\s)-p(?<secret>[^\s-]\S*)""", requires: "-p", accept: FollowsMySqlClient),
        new("jwt", "<jwt>", """\beyJ[a-z0-9_-]{4,}\.[a-z0-9_-]{4,}\.[a-z0-9_-]*""", requires: "eyJ"),
        new("api_key", "<api-key>", """\b(?:(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[A-Z0-9]{16}|[rs]k_(?:live|test)_[A-Za-z0-9]{10,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{22,}|glpat-[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}|npm_[A-Za-z0-9]{36}|hf_[A-Za-z0-9]{30,})\b""", ignoreCase: false),
        new("card", "<card>", """\b[0-9](?:[ -]?[0-9]){12,18}\b""", ignoreCase: false, accept: (_, digits) => PaymentCard.IsCardNumber(digits.ValueSpan)),
        new("email", "<email>", """[a-z0-9._%+-]{1,64}@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b""", requires: "@"),
        new("ip", "<ip>", """\b(?:[0-9]{1,3}\.){3}[0-9]{1,3}\b|(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?""", accept: IsStandaloneAddress),
        new("hex", "<hex>", """\b[0-9a-f]{24,}\b"""),
        new("base64", "<secret>", """[a-z0-9+/_-]{32,}={0,2}""", accept: IsEncodedSecret),
    ];

    // Every family without a fixed word, as one regex: a line it does not match holds none of their secrets, and
    // masking only ever removes text, so the families after it cannot match either.
    private static readonly Regex Unscreened = LinearRegex.Create(
        string.Join("|", Families.Where(family => !family.HasRequiredWord).Select(family => "(?:" + family.Pattern + ")")));

    private static readonly SearchValues<string> MySqlClients = SearchValues.Create(["mysql", "mariadb", " -u"], StringComparison.OrdinalIgnoreCase);

    public static MaskedLine Mask(string line) => Mask(line, screened: true);

    /// <summary>
    /// Masks a named value that came beside a line (a shipper's record field): masked as <c>name=value</c>, so a
    /// field called <c>password</c> or <c>api_key</c> is hidden whole, as it would be inside a line.
    /// </summary>
    public static string MaskField(string name, string value)
    {
        var masked = Mask(name + "=" + value).Text;
        return masked.StartsWith(name + "=", StringComparison.Ordinal) ? masked[(name.Length + 1)..] : Mask(value).Text;
    }

    /// <param name="screened">False runs every family on every line; tests compare the two.</param>
    internal static MaskedLine Mask(string line, bool screened)
    {
        var counts = new MaskCounts();
        var text = line;
        bool? anyUnscreenedMatch = screened ? null : true;
        foreach (var family in Families)
        {
            if (!family.HasRequiredWord && !(anyUnscreenedMatch ??= Unscreened.IsMatch(text)))
            {
                continue;
            }

            text = family.Apply(text, counts);
        }

        return new MaskedLine(text, counts.ToDictionary());
    }

    // "Basic" is an ordinary word too; its credential is base64 of "user:password".
    private static bool IsBasicCredential(string text, Group encoded)
    {
        Span<byte> decoded = stackalloc byte[encoded.Length];
        return Convert.TryFromBase64Chars(encoded.ValueSpan, decoded, out var length) && decoded[..length].Contains((byte)':');
    }

    // -p is a password only for the MySQL family of clients (mysql -u root -pSECRET); elsewhere it is -pthread or a port.
    private static bool FollowsMySqlClient(string text, Group value) => text.AsSpan(0, value.Index).ContainsAny(MySqlClients);

    private static bool IsStandaloneAddress(string text, Group address) =>
        address.ValueSpan.Contains(':') ? IsIpv6(text, address) : IsIpv4(text, address);

    // Version numbers have more than four parts: 1.2.3.4.5 is not an address.
    private static bool IsIpv4(string text, Group address)
    {
        var before = address.Index - 1;
        var after = address.Index + address.Length;
        return (before < 0 || text[before] != '.')
            && !(after + 1 < text.Length && text[after] == '.' && char.IsAsciiDigit(text[after + 1]));
    }

    // Clock times (12:30:45) and scopes (std::vector) share the characters; an address has "::" or all eight groups,
    // and stands alone.
    private static bool IsIpv6(string text, Group address)
    {
        var span = address.ValueSpan;
        var colons = span.Count(':');
        var before = address.Index - 1;
        var after = address.Index + address.Length;
        return (colons == 7 || span.Contains("::", StringComparison.Ordinal))
            && span.ContainsAnyExcept(':')
            && (before < 0 || !(char.IsAsciiLetterOrDigit(text[before]) || text[before] is '.' or '_'))
            && (after >= text.Length || !(char.IsAsciiLetterOrDigit(text[after]) || text[after] is '_'));
    }

    // Paths and long identifiers look like base64 too; a secret mixes cases and digits and is not a path.
    private static bool IsEncodedSecret(string text, Group encoded)
    {
        var body = encoded.ValueSpan.TrimEnd('=');
        return body.Count('/') <= 2
            && body.ContainsAnyInRange('A', 'Z') && body.ContainsAnyInRange('a', 'z') && body.ContainsAnyInRange('0', '9');
    }
}
