using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace LogGuard.Core.Detection.Text;

/// <summary>
/// Every regex LogGuard runs over client input is built here, on the non-backtracking engine:
/// its matching time is linear in the input whatever the pattern, so no line can make it run away.
/// A match timeout would add nothing to that guarantee and costs a clock read on every call.
/// </summary>
/// <remarks>
/// One instance per pattern is shared by all threads: the engine is thread-safe, and each instance's
/// automaton takes one to five megabytes, so per-thread copies cost more memory than their locks cost time.
/// Before the automaton runs, a vectorised search for the literals every match must contain
/// (<see cref="RequiredLiterals"/>) rules most lines out.
/// </remarks>
public sealed class SafeRegex
{
    // Measured on the shipped rules: searching for a few dozen literals of three or more characters costs a
    // fraction of a regex run, but searching for many two-letter words (command names such as "ls", "id")
    // finds them everywhere and costs more than the run it would skip.
    private const int MaxPrefilterLiterals = 64;
    private const int MinPrefilterLiteralLength = 3;

    private readonly Regex _regex;
    private readonly SearchValues<string>? _mustContainOneOf;

    // Built now, so that an invalid or unsupported pattern fails at load, not on a request thread.
    private SafeRegex(string pattern, RegexOptions options)
    {
        _regex = new Regex(pattern, options, Regex.InfiniteMatchTimeout);
        var literals = RequiredLiterals.Of(pattern);
        if (literals is { Count: <= MaxPrefilterLiterals } && literals.Min(literal => literal.Length) >= MinPrefilterLiteralLength)
        {
            _mustContainOneOf = SearchValues.Create([.. literals], StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Whether matching is preceded by a literal search (for tests and diagnostics).</summary>
    public bool HasPrefilter => _mustContainOneOf is not null;

    public static SafeRegex Create(string pattern, bool ignoreCase = true)
    {
        var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
        if (ignoreCase)
        {
            options |= RegexOptions.IgnoreCase;
        }

        return new SafeRegex(pattern, options);
    }

    public bool IsMatch(string input) => MightMatch(input) && _regex.IsMatch(input);

    public MatchCollection Matches(string input) => _regex.Matches(input);

    public int Count(string input) => MightMatch(input) ? _regex.Count(input) : 0;

    // The search folds ASCII case only, while the regex's case-insensitivity also pairs ASCII letters with a
    // few others (the Kelvin sign with k): a line with any non-ASCII character skips the shortcut.
    private bool MightMatch(string input) =>
        _mustContainOneOf is null || !Ascii.IsValid(input) || input.AsSpan().ContainsAny(_mustContainOneOf);
}
