using System.Text.RegularExpressions;

namespace LogGuard.Core.Detection;

/// <summary>
/// Every regex LogGuard runs over client input is built here, on .NET's non-backtracking engine: matching time
/// is linear in the input whatever the pattern, so no line can make a rule, a count or a mask run away.
/// </summary>
/// <remarks>
/// The engine builds its automaton lazily and shares it between threads, so one instance per pattern serves
/// every request. A pattern that needs backtracking (backreferences, lookarounds, atomic groups) is refused
/// here, at start-up, with the engine's own message. A match timeout would add nothing to the linear bound
/// and costs a clock read on every call.
/// </remarks>
public static class LinearRegex
{
    public static Regex Create(string pattern, bool ignoreCase = true)
    {
        var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
        if (ignoreCase)
        {
            options |= RegexOptions.IgnoreCase;
        }

        return new Regex(pattern, options, Regex.InfiniteMatchTimeout);
    }
}
