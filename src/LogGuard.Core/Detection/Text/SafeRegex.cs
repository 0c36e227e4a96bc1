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
/// A pattern that is only a list of phrases (<c>\bfailed password\b|\binvalid user\b</c>) needs no automaton:
/// a <see cref="PhraseMatcher"/> answers it, in time linear in the line too. For the rest, a vectorised search
/// for the literals every match must contain (<see cref="RequiredLiterals"/>) rules most lines out before the
/// automaton runs.
/// </remarks>
public sealed class SafeRegex
{
    // Measured on the shipped rules: searching for a few dozen literals of three or more characters costs a
    // fraction of a regex run, but searching for many two-letter words (command names such as "ls", "id")
    // finds them everywhere and costs more than the run it would skip.
    private const int MaxPrefilterLiterals = 64;
    private const int MinPrefilterLiteralLength = 3;

    private readonly string _pattern;
    private readonly RegexOptions _options;
    private readonly PhraseMatcher? _phrases;
    private readonly SearchValues<string>? _mustContainOneOf;
    private Regex? _regex;

    private SafeRegex(string pattern, RegexOptions options)
    {
        _pattern = pattern;
        _options = options;

        // Checked now, so that an invalid or unsupported pattern fails at load, not on a request thread.
        _phrases = PhraseMatcher.TryCreate(pattern, options.HasFlag(RegexOptions.IgnoreCase));
        if (_phrases is not null)
        {
            // A phrase list uses nothing the non-backtracking engine refuses, so the engine's parser alone
            // validates it; building the automaton only to drop it cost about 16 MB of start-up garbage.
            _ = new Regex(pattern, options & ~RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
            return;
        }

        _regex = new Regex(pattern, options, Regex.InfiniteMatchTimeout);
        var literals = RequiredLiterals.Of(pattern);
        if (literals is { Count: <= MaxPrefilterLiterals } && literals.Min(literal => literal.Length) >= MinPrefilterLiteralLength)
        {
            _mustContainOneOf = SearchValues.Create([.. literals], StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Whether matching is preceded by a literal search (for tests and diagnostics).</summary>
    public bool HasPrefilter => _mustContainOneOf is not null;

    /// <summary>Whether the pattern is answered as a list of phrases, without an automaton (for tests and diagnostics).</summary>
    public bool IsPhraseList => _phrases is not null;

    public static SafeRegex Create(string pattern, bool ignoreCase = true)
    {
        var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
        if (ignoreCase)
        {
            options |= RegexOptions.IgnoreCase;
        }

        return new SafeRegex(pattern, options);
    }

    public bool IsMatch(string input) => _phrases?.IsMatch(input) ?? (MightMatch(input) && Automaton.IsMatch(input));

    public MatchCollection Matches(string input) => Automaton.Matches(input);

    public int Count(string input) => _phrases?.Count(input) ?? (MightMatch(input) ? Automaton.Count(input) : 0);

    private Regex Automaton => LazyInitializer.EnsureInitialized(ref _regex, () => new Regex(_pattern, _options, Regex.InfiniteMatchTimeout));

    // The search folds ASCII case only, while the regex's case-insensitivity also pairs ASCII letters with a
    // few others (the Kelvin sign with k): a line with any non-ASCII character skips the shortcut.
    private bool MightMatch(string input) =>
        _mustContainOneOf is null || !Ascii.IsValid(input) || input.AsSpan().ContainsAny(_mustContainOneOf);
}
