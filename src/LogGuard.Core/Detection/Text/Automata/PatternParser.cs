namespace LogGuard.Core.Detection.Text.Automata;

/// <summary>
/// Reads the part of .NET's regex syntax that log rules use (ASCII literals and classes, <c>.</c>, groups,
/// alternation, quantifiers, <c>^</c>, <c>$</c>, <c>\b</c>, <c>\B</c>) into a <see cref="PatternNode"/> tree with
/// the engine's meaning. It only sees patterns the engine has already accepted, so it need not diagnose errors:
/// anything else throws <see cref="UnsupportedPatternException"/>, and the engine runs that pattern itself.
/// </summary>
internal sealed class PatternParser
{
    private readonly PatternReader _reader;
    private readonly bool _ignoreCase;

    private PatternParser(string pattern, bool ignoreCase)
    {
        _reader = new PatternReader(pattern);
        _ignoreCase = ignoreCase;
    }

    public static PatternNode Parse(string pattern, bool ignoreCase)
    {
        var parser = new PatternParser(pattern, ignoreCase);
        var root = parser.ParseAlternation();
        return parser._reader.AtEnd ? root : throw new UnsupportedPatternException();
    }

    private PatternNode ParseAlternation()
    {
        var branches = new List<PatternNode> { ParseSequence() };
        while (_reader.TryTake('|'))
        {
            branches.Add(ParseSequence());
        }

        return branches.Count == 1 ? branches[0] : new ChoiceNode(branches);
    }

    private PatternNode ParseSequence()
    {
        var parts = new List<PatternNode>();
        while (!_reader.AtBranchEnd)
        {
            parts.Add(ParseQuantified());
        }

        return parts.Count == 1 ? parts[0] : new SequenceNode(parts);
    }

    private PatternNode ParseQuantified()
    {
        var atom = ParseAtom();
        if (!_reader.TryReadQuantifier(out var min, out var max))
        {
            return atom;
        }

        _reader.TryTake('?'); // lazy or greedy: the same strings match
        if (_reader.QuantifierFollows())
        {
            throw new UnsupportedPatternException();
        }

        return new RepeatNode(atom, min, max);
    }

    private PatternNode ParseAtom()
    {
        var character = _reader.Next();
        return character switch
        {
            '(' => ParseGroup(),
            '[' => ParseClass(),
            '.' => new SymbolNode(SymbolSet.Of('\n').Complement()),
            '^' => new AnchorNode(Anchor.Start),
            '$' => new AnchorNode(Anchor.End),
            '\\' => ParseEscape(),
            '*' or '+' or '?' or ')' or '|' => throw new UnsupportedPatternException(),
            _ => Literal(character),
        };
    }

    private PatternNode ParseGroup()
    {
        if (_reader.TryTake('?'))
        {
            switch (_reader.Next())
            {
                case ':':
                    break;
                case '<' when !_reader.PeekAny("=!"):
                    SkipName('>');
                    break;
                case '\'':
                    SkipName('\'');
                    break;
                default:
                    throw new UnsupportedPatternException(); // inline options, lookarounds, atomic groups, conditionals
            }
        }

        var inner = ParseAlternation();
        return _reader.TryTake(')') ? inner : throw new UnsupportedPatternException();
    }

    private void SkipName(char terminator)
    {
        if (!_reader.ReadThrough(terminator).ContainsAnyExceptInRange('0', '9'))
        {
            // Numbered groups can be referred to in ways a name cannot; neither is worth reading.
            throw new UnsupportedPatternException();
        }
    }

    private PatternNode ParseEscape()
    {
        var escaped = _reader.Next();
        return escaped switch
        {
            'b' => new AnchorNode(Anchor.WordBoundary),
            'B' => new AnchorNode(Anchor.NotWordBoundary),
            _ => Literal(EscapedCharacter(escaped)),
        };
    }

    private SymbolNode ParseClass()
    {
        var syntax = _reader.ReadClass();
        if (syntax.HasShorthand)
        {
            throw new UnsupportedPatternException();
        }

        var set = SymbolSet.Empty;
        foreach (var member in syntax.ListedCharacters())
        {
            set = set.With(Ascii(member));
        }

        // Case is folded before negating: [^a] ignoring case matches neither a nor A.
        set = _ignoreCase ? set.WithBothCases() : set;
        return new SymbolNode(syntax.Negated ? set.Complement() : set);
    }

    private char EscapedCharacter(char escaped) => Ascii(_reader.EscapedCharacter(escaped));

    private SymbolNode Literal(char character)
    {
        var set = SymbolSet.Of(Ascii(character));
        return new SymbolNode(_ignoreCase ? set.WithBothCases() : set);
    }

    // A non-ASCII character in the pattern would need the engine's case pairs and categories for it.
    private static char Ascii(char character) => char.IsAscii(character) ? character : throw new UnsupportedPatternException();
}
