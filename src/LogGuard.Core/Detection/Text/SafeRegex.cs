using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using LogGuard.Core.Detection.Text.Automata;

namespace LogGuard.Core.Detection.Text;

/// <summary>
/// Every regex LogGuard runs over client input is built here, and every one is answered by an automaton:
/// matching time is linear in the input whatever the pattern, so no line can make it run away.
/// A match timeout would add nothing to that guarantee and costs a clock read on every call.
/// </summary>
/// <remarks>
/// One instance per pattern is shared by all threads. Three routes give the same answers, cheapest first:
/// a pattern that is only a short list of phrases (<c>\bfailed password\b|\binvalid user\b</c>) is answered
/// by substring searches (<see cref="PhraseMatcher"/>); a pattern in the syntax rules use (ASCII literals and classes,
/// groups, alternation, quantifiers, anchors) by LogGuard's own lazily built automaton (<see cref="LazyDfa"/>),
/// a few hundred kilobytes at most; anything else by .NET's non-backtracking engine, whose automaton keeps one
/// to five megabytes of set algebra per pattern. In front of either automaton, a vectorised search for the
/// literals every match must contain (<see cref="RequiredLiterals"/>) rules most lines out.
/// <see cref="Count"/> and <see cref="Matches"/> always use the engine, built on first use.
/// </remarks>
public sealed class SafeRegex
{
    // Measured on the shipped rules: searching for a few dozen literals of three or more characters costs a
    // fraction of a regex run, but searching for many two-letter words (command names such as "ls", "id")
    // finds them everywhere and costs more than the run it would skip.
    private const int MaxPrefilterLiterals = 64;
    private const int MinPrefilterLiteralLength = 3;

    // Measured over 49,400 mixed log lines: each phrase text costs one search per line, about 10 ns, while the
    // automaton's single pass costs 70-380 ns however long the list. The scanner list's 80 names cost 945 ns
    // as searches and 379 ns on the automaton; lists of a few texts are cheaper searched.
    private const int MaxPhraseSearches = 32;

    private readonly string _pattern;
    private readonly RegexOptions _options;
    private readonly PhraseMatcher? _phrases;
    private readonly LazyDfa? _dfa;
    private readonly SearchValues<string>? _mustContainOneOf;
    private Regex? _regex;

    private SafeRegex(string pattern, RegexOptions options)
    {
        _pattern = pattern;
        _options = options;

        // Checked now, so that an invalid pattern fails at load, not on a request thread. The engine's parser
        // alone does it (the backtracking constructor builds no automaton); the readers below assume a valid pattern.
        _ = new Regex(pattern, options & ~RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
        var ignoreCase = options.HasFlag(RegexOptions.IgnoreCase);
        _phrases = PhraseMatcher.TryCreate(pattern, ignoreCase);
        if (_phrases is { TextCount: <= MaxPhraseSearches })
        {
            return;
        }

        // A long phrase list keeps its matcher for counting, which the automaton does not do.
        _dfa = LazyDfa.TryCreate(pattern, ignoreCase);
        if (_dfa is null && _phrases is null)
        {
            // Syntax the automaton does not read; the engine refuses here what it cannot run without backtracking.
            _regex = new Regex(pattern, options, Regex.InfiniteMatchTimeout);
        }

        var literals = RequiredLiterals.Of(pattern);
        if (literals is { Count: <= MaxPrefilterLiterals } && literals.Min(literal => literal.Length) >= MinPrefilterLiteralLength)
        {
            _mustContainOneOf = SearchValues.Create([.. literals], StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Whether matching is preceded by a literal search (for tests and diagnostics).</summary>
    public bool HasPrefilter => _mustContainOneOf is not null;

    /// <summary>Whether <see cref="IsMatch"/> searches for the pattern's phrases, without an automaton (for tests and diagnostics).</summary>
    public bool IsPhraseList => _phrases is not null && _dfa is null;

    /// <summary>Whether <see cref="IsMatch"/> runs LogGuard's own automaton rather than the engine's (for tests and diagnostics).</summary>
    public bool RunsOwnAutomaton => _dfa is not null;

    public static SafeRegex Create(string pattern, bool ignoreCase = true)
    {
        var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
        if (ignoreCase)
        {
            options |= RegexOptions.IgnoreCase;
        }

        return new SafeRegex(pattern, options);
    }

    public bool IsMatch(string input) =>
        _dfa is not null ? MightMatch(input) && _dfa.IsMatch(input)
        : _phrases?.IsMatch(input) ?? (MightMatch(input) && Automaton.IsMatch(input));

    public MatchCollection Matches(string input) => Automaton.Matches(input);

    public int Count(string input) => _phrases?.Count(input) ?? (MightMatch(input) ? Automaton.Count(input) : 0);

    private Regex Automaton => LazyInitializer.EnsureInitialized(ref _regex, () => new Regex(_pattern, _options, Regex.InfiniteMatchTimeout));

    // The search folds ASCII case only, while the regex's case-insensitivity also pairs ASCII letters with a
    // few others (the Kelvin sign with k): a line with any non-ASCII character skips the shortcut.
    private bool MightMatch(string input) =>
        _mustContainOneOf is null || !Ascii.IsValid(input) || input.AsSpan().ContainsAny(_mustContainOneOf);
}
