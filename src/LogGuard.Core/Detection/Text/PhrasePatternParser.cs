namespace LogGuard.Core.Detection.Text;

/// <summary>
/// Reads a pattern that is only a list of phrases (literal text, alternations, groups, small character
/// classes, optional pieces and <c>\b</c>) into every string it matches, in the order the regex engine
/// tries them. Anything else, or too many strings, gives null: such a pattern is left to the regex engine.
/// </summary>
/// <remarks>
/// Only ASCII literals are read: the regex engine's case-insensitivity pairs non-ASCII letters by tables this
/// parser does not carry. Text is lower-cased when matching ignores case.
/// </remarks>
internal sealed class PhrasePatternParser
{
    // The shipped scanner list is about eighty names; past a few hundred strings a pattern is better served
    // by the automaton than by checking each candidate string at every hit.
    public const int MaxPhrases = 256;
    private const int MaxClassCharacters = 16;

    private readonly PatternReader _reader;
    private readonly bool _ignoreCase;

    private PhrasePatternParser(string pattern, bool ignoreCase)
    {
        _reader = new PatternReader(pattern);
        _ignoreCase = ignoreCase;
    }

    public static IReadOnlyList<Phrase>? TryParse(string pattern, bool ignoreCase)
    {
        var parser = new PhrasePatternParser(pattern, ignoreCase);
        List<Phrase>? phrases;
        try
        {
            phrases = parser.ParseAlternation();
        }
        catch (UnsupportedPatternException)
        {
            return null;
        }

        // An empty phrase would match at every position of every line.
        var complete = phrases is not null && parser._reader.AtEnd;
        return complete && phrases!.TrueForAll(phrase => phrase.Text.Length > 0) ? phrases : null;
    }

    private List<Phrase>? ParseAlternation()
    {
        var phrases = ParseConcatenation();
        while (phrases is not null && _reader.TryTake('|'))
        {
            var branch = ParseConcatenation();
            phrases = branch is null ? null : Distinct([.. phrases, .. branch]);
        }

        return phrases;
    }

    private List<Phrase>? ParseConcatenation()
    {
        List<Phrase>? phrases = [Phrase.Empty];
        while (phrases is not null && !_reader.AtBranchEnd)
        {
            phrases = ParseQuantified() is { } piece ? Product(phrases, piece) : null;
        }

        return phrases;
    }

    private List<Phrase>? ParseQuantified()
    {
        var atom = ParseAtom();
        if (atom is null || !_reader.TryTake('?'))
        {
            return _reader.PeekAny("*+{") ? null : atom;
        }

        if (atom.Exists(phrase => phrase.Text.Length == 0))
        {
            return null; // an optional anchor
        }

        // Greedy: the engine tries the piece before skipping it; lazy (??): the other way round.
        return _reader.TryTake('?') ? [Phrase.Empty, .. atom] : [.. atom, Phrase.Empty];
    }

    private List<Phrase>? ParseAtom() => _reader.NextOrNull() switch
    {
        '(' => ParseGroup(),
        '[' => ParseClass(),
        '\\' => ParseEscape(),
        '.' or '^' or '$' or '*' or '+' or '?' or '{' or '}' or ')' or '|' or null => null,
        var character => Literal(character.Value),
    };

    private List<Phrase>? ParseGroup()
    {
        if (_reader.TryTake('?'))
        {
            var name = _reader.NextOrNull();
            if (name is '<' or '\'' && !_reader.PeekAny("=!"))
            {
                _reader.ReadThrough(name == '<' ? '>' : '\''); // a named capture: which text matched, not how it is named, matters here
            }
            else if (name != ':')
            {
                return null; // lookarounds, atomic groups, conditionals, inline options
            }
        }

        var inner = ParseAlternation();
        return inner is not null && _reader.TryTake(')') ? inner : null;
    }

    private List<Phrase>? ParseEscape()
    {
        var escaped = _reader.NextOrNull();
        if (escaped == 'b')
        {
            return [Phrase.Boundary];
        }

        // Letters and digits after a backslash are classes, anchors or codes; punctuation stands for itself.
        return escaped is { } character && char.IsAscii(character) && !char.IsAsciiLetterOrDigit(character) ? Literal(character) : null;
    }

    private List<Phrase>? ParseClass()
    {
        var syntax = _reader.ReadClass();
        if (syntax.Negated || syntax.HasShorthand || syntax.HasRangeWiderThan(MaxClassCharacters))
        {
            return null;
        }

        var members = syntax.ListedCharacters().ToList();
        if (members.Count > MaxClassCharacters || !members.TrueForAll(char.IsAscii))
        {
            return null;
        }

        return Distinct([.. members.Select(member => new Phrase(Fold(member).ToString(), []))]);
    }

    private List<Phrase>? Literal(char character) =>
        char.IsAscii(character) ? [new Phrase(Fold(character).ToString(), [])] : null;

    private char Fold(char character) => _ignoreCase ? char.ToLowerInvariant(character) : character;

    private static List<Phrase>? Product(List<Phrase> heads, List<Phrase> tails)
    {
        if ((long)heads.Count * tails.Count > MaxPhrases)
        {
            return null;
        }

        return Distinct([.. heads.SelectMany(head => tails.Select(head.Then))]);
    }

    // A later duplicate can never be the one the engine picks, so dropping it keeps the order's meaning.
    private static List<Phrase>? Distinct(List<Phrase> phrases)
    {
        var distinct = new List<Phrase>(phrases.Count);
        foreach (var phrase in phrases)
        {
            if (!distinct.Exists(phrase.SameAs))
            {
                distinct.Add(phrase);
            }
        }

        return distinct.Count <= MaxPhrases ? distinct : null;
    }
}
