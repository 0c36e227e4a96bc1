namespace LogGuard.Core.Detection.Text;

/// <summary>
/// Finds literal strings at least one of which every match of a pattern contains, so that a vectorised
/// substring search can rule a regex out before its automaton walks the line: most lines match no rule.
/// </summary>
/// <remarks>
/// Sound by construction: a construct the analysis does not read, and any non-ASCII literal, make it answer
/// "nothing is required", and the regex then runs on every line. Literals are lower-cased; callers search
/// for them ignoring ASCII case.
/// </remarks>
public static class RequiredLiterals
{
    public static IReadOnlyList<string>? Of(string pattern)
    {
        try
        {
            var requirement = new RegexLiteralParser(pattern).ParseWhole().Requirement;
            return requirement is null ? null : [.. requirement.Order(StringComparer.Ordinal)];
        }
        catch (UnsupportedPatternException)
        {
            return null;
        }
    }
}
