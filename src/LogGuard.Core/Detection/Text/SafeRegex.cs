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
/// </remarks>
public sealed class SafeRegex
{
    private readonly Regex _regex;

    // Built now, so that an invalid or unsupported pattern fails at load, not on a request thread.
    private SafeRegex(string pattern, RegexOptions options) => _regex = new Regex(pattern, options, Regex.InfiniteMatchTimeout);

    public static SafeRegex Create(string pattern, bool ignoreCase = true)
    {
        var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
        if (ignoreCase)
        {
            options |= RegexOptions.IgnoreCase;
        }

        return new SafeRegex(pattern, options);
    }

    public bool IsMatch(string input) => _regex.IsMatch(input);

    public MatchCollection Matches(string input) => _regex.Matches(input);

    public int Count(string input) => _regex.Count(input);
}
