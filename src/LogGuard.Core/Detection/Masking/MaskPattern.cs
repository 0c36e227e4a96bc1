using System.Text;
using System.Text.RegularExpressions;
using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Core.Detection.Masking;

/// <summary>
/// One family of secrets: a regex whose group named <c>secret</c> (or, without one, the whole match) is replaced
/// by <see cref="Mask"/>, while the rest of the match (a key name, an auth scheme, a user name) stays readable.
/// An optional check refuses matches the regex alone cannot tell apart, such as digit runs that fail the Luhn check.
/// </summary>
/// <remarks>
/// A family whose every match contains a fixed word (<c>bearer</c>, <c>://</c>) names it as <c>requires</c>: a
/// vectorised search for it costs a tenth of a regex pass, and most lines do not contain it.
/// </remarks>
internal sealed class MaskPattern
{
    private readonly Regex _regex;
    private readonly int _secretGroup;
    private readonly Func<string, Group, bool>? _accept;
    private readonly CaseInsensitiveText? _requires;

    public MaskPattern(
        string kind, string mask, string pattern, string? requires = null, bool ignoreCase = true, Func<string, Group, bool>? accept = null)
    {
        Kind = kind;
        Mask = mask;
        Pattern = pattern;
        _regex = LinearRegex.Create(pattern, ignoreCase);
        _secretGroup = Math.Max(0, _regex.GroupNumberFromName("secret"));
        _requires = requires is null ? null : new CaseInsensitiveText(requires);
        _accept = accept;
    }

    public string Kind { get; }

    public string Mask { get; }

    public string Pattern { get; }

    public bool HasRequiredWord => _requires is not null;

    public string Apply(string text, MaskCounts counts)
    {
        // The search folds ASCII case only, while the regex also folds a few other letters (the Kelvin sign to k).
        if (_requires is not null && _requires.IndexIn(text) < 0 && Ascii.IsValid(text))
        {
            return text;
        }

        var match = _regex.Match(text);
        if (!match.Success)
        {
            return text;
        }

        StringBuilder? builder = null;
        var copied = 0;
        for (; match.Success; match = match.NextMatch())
        {
            var secret = match.Groups[_secretGroup];
            if (!secret.Success || secret.Length == 0 || (_accept is not null && !_accept(text, secret)))
            {
                continue;
            }

            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, secret.Index - copied).Append(Mask);
            copied = secret.Index + secret.Length;
            counts.Add(Kind);
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }
}
