using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace LogGuard.Core.Detection.Text;

/// <summary>
/// Every regex LogGuard runs over client input is built here, on the non-backtracking engine:
/// its matching time is linear in the input whatever the pattern, so no line can make it run away.
/// A match timeout would add nothing to that guarantee and costs a clock read on every call.
/// </summary>
/// <remarks>
/// The engine builds its automaton lazily and guards that cache with a lock; under concurrent requests
/// the lock, not the matching, became the cost. Calls therefore borrow an instance from a small pool:
/// there are only ever as many instances as calls that ran at the same moment.
/// </remarks>
public sealed class SafeRegex
{
    private readonly string _pattern;
    private readonly RegexOptions _options;
    private readonly ConcurrentBag<Regex> _idle = [];

    private SafeRegex(string pattern, RegexOptions options)
    {
        _pattern = pattern;
        _options = options;

        // Built once here so that an invalid or unsupported pattern fails now, not on a request thread.
        _idle.Add(Build());
    }

    public static SafeRegex Create(string pattern, bool ignoreCase = true)
    {
        var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
        if (ignoreCase)
        {
            options |= RegexOptions.IgnoreCase;
        }

        return new SafeRegex(pattern, options);
    }

    public bool IsMatch(string input) => Use(regex => regex.IsMatch(input));

    public Match Match(string input) => Use(regex => regex.Match(input));

    public MatchCollection Matches(string input) => Use(regex =>
    {
        var matches = regex.Matches(input);
        _ = matches.Count; // Evaluate now, while this instance is borrowed.
        return matches;
    });

    public int Count(string input) => Use(regex => regex.Count(input));

    public string Replace(string input, MatchEvaluator evaluator) => Use(regex => regex.Replace(input, evaluator));

    private T Use<T>(Func<Regex, T> action)
    {
        var regex = _idle.TryTake(out var idle) ? idle : Build();
        try
        {
            return action(regex);
        }
        finally
        {
            _idle.Add(regex);
        }
    }

    private Regex Build() => new(_pattern, _options, Regex.InfiniteMatchTimeout);
}
