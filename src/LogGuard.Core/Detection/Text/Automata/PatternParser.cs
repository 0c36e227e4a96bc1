using System.Globalization;

namespace LogGuard.Core.Detection.Text.Automata;

/// <summary>
/// Reads the part of .NET's regex syntax that log rules use (ASCII literals and classes, <c>.</c>, groups,
/// alternation, quantifiers, <c>^</c>, <c>$</c>, <c>\b</c>, <c>\B</c>) into a <see cref="PatternNode"/> tree with
/// the engine's meaning. It only sees patterns the engine has already accepted, so it need not diagnose errors:
/// anything else throws <see cref="UnsupportedPatternException"/>, and the engine runs that pattern itself.
/// </summary>
internal sealed class PatternParser
{
    private readonly string _pattern;
    private readonly bool _ignoreCase;
    private int _position;

    private PatternParser(string pattern, bool ignoreCase)
    {
        _pattern = pattern;
        _ignoreCase = ignoreCase;
    }

    public static PatternNode Parse(string pattern, bool ignoreCase)
    {
        var parser = new PatternParser(pattern, ignoreCase);
        var root = parser.ParseAlternation();
        return parser._position == pattern.Length ? root : throw new UnsupportedPatternException();
    }

    private PatternNode ParseAlternation()
    {
        var branches = new List<PatternNode> { ParseSequence() };
        while (TryTake('|'))
        {
            branches.Add(ParseSequence());
        }

        return branches.Count == 1 ? branches[0] : new ChoiceNode(branches);
    }

    private PatternNode ParseSequence()
    {
        var parts = new List<PatternNode>();
        while (_position < _pattern.Length && _pattern[_position] is not ('|' or ')'))
        {
            parts.Add(ParseQuantified());
        }

        return parts.Count == 1 ? parts[0] : new SequenceNode(parts);
    }

    private PatternNode ParseQuantified()
    {
        var atom = ParseAtom();
        if (!TryParseQuantifier(out var min, out var max))
        {
            return atom;
        }

        TryTake('?'); // lazy or greedy: the same strings match
        if (_position < _pattern.Length && _pattern[_position] is '*' or '+' or '?' || StartsQuantifierInBraces())
        {
            throw new UnsupportedPatternException();
        }

        return new RepeatNode(atom, min, max);
    }

    private PatternNode ParseAtom()
    {
        var character = Next();
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
        if (TryTake('?'))
        {
            switch (Next())
            {
                case ':':
                    break;
                case '<' when !Peek('=') && !Peek('!'):
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
        return TryTake(')') ? inner : throw new UnsupportedPatternException();
    }

    private void SkipName(char terminator)
    {
        var end = _pattern.IndexOf(terminator, _position);
        if (end < 0 || !_pattern.AsSpan(_position, end - _position).ContainsAnyExcept(Digits))
        {
            // Numbered groups can be referred to in ways a name cannot; neither is worth reading.
            throw new UnsupportedPatternException();
        }

        _position = end + 1;
    }

    private PatternNode ParseEscape()
    {
        var escaped = Next();
        return escaped switch
        {
            'b' => new AnchorNode(Anchor.WordBoundary),
            'B' => new AnchorNode(Anchor.NotWordBoundary),
            _ => Literal(EscapedCharacter(escaped)),
        };
    }

    private SymbolNode ParseClass()
    {
        var negated = TryTake('^');
        var set = SymbolSet.Empty;
        var first = true;
        while (true)
        {
            var character = Next();
            if (character == ']' && !first)
            {
                break;
            }

            first = false;
            if (character == '-' && Peek('['))
            {
                throw new UnsupportedPatternException(); // class subtraction
            }

            var low = ClassMember(character);
            if (Peek('-') && _position + 1 < _pattern.Length && _pattern[_position + 1] != ']')
            {
                Next();
                var high = ClassMember(Next());
                if (high < low)
                {
                    throw new UnsupportedPatternException();
                }

                for (var member = low; member <= high; member++)
                {
                    set = set.With(member);
                }
            }
            else
            {
                set = set.With(low);
            }
        }

        // Case is folded before negating: [^a] ignoring case matches neither a nor A.
        set = _ignoreCase ? set.WithBothCases() : set;
        return new SymbolNode(negated ? set.Complement() : set);
    }

    private char ClassMember(char character)
    {
        if (character != '\\')
        {
            return Ascii(character);
        }

        var escaped = Next();
        return escaped == 'b' ? '\b' : EscapedCharacter(escaped);
    }

    private char EscapedCharacter(char escaped) => Ascii(escaped switch
    {
        't' => '\t',
        'n' => '\n',
        'r' => '\r',
        'f' => '\f',
        'v' => '\v',
        'a' => '\a',
        'e' => '\u001B',
        'x' => Hex(2),
        'u' => Hex(4),

        // Shorthand classes, other anchors, back-references, octal and control escapes.
        _ when char.IsAsciiLetterOrDigit(escaped) => throw new UnsupportedPatternException(),
        _ => escaped,
    });

    private char Hex(int digits)
    {
        if (_position + digits > _pattern.Length
            || !int.TryParse(_pattern.AsSpan(_position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new UnsupportedPatternException();
        }

        _position += digits;
        return (char)value;
    }

    private SymbolNode Literal(char character)
    {
        var set = SymbolSet.Of(Ascii(character));
        return new SymbolNode(_ignoreCase ? set.WithBothCases() : set);
    }

    // A non-ASCII character in the pattern would need the engine's case pairs and categories for it.
    private static char Ascii(char character) => char.IsAscii(character) ? character : throw new UnsupportedPatternException();

    private bool TryParseQuantifier(out int min, out int? max)
    {
        min = 0;
        max = null;
        switch (_position < _pattern.Length ? _pattern[_position] : '\0')
        {
            case '*':
                _position++;
                return true;
            case '+':
                _position++;
                min = 1;
                return true;
            case '?':
                _position++;
                max = 1;
                return true;
            case '{' when TryReadBraces(_position, out min, out max, out var end):
                _position = end;
                return true;
            default:
                return false;
        }
    }

    private bool StartsQuantifierInBraces() => Peek('{') && TryReadBraces(_position, out _, out _, out _);

    // "{n}", "{n,}" or "{n,m}"; anything else is a literal brace.
    private bool TryReadBraces(int open, out int min, out int? max, out int end)
    {
        min = 0;
        max = null;
        end = 0;
        var close = _pattern.IndexOf('}', open);
        if (close < 0)
        {
            return false;
        }

        var body = _pattern.AsSpan(open + 1, close - open - 1);
        var comma = body.IndexOf(',');
        if (!TryReadCount(comma < 0 ? body : body[..comma], out min))
        {
            return false;
        }

        if (comma < 0)
        {
            max = min;
        }
        else if (body.Length > comma + 1)
        {
            if (!TryReadCount(body[(comma + 1)..], out var upper))
            {
                return false;
            }

            max = upper;
        }

        end = close + 1;
        return true;
    }

    private static bool TryReadCount(ReadOnlySpan<char> text, out int count)
    {
        count = 0;
        return !text.IsEmpty && !text.ContainsAnyExcept(Digits) && int.TryParse(text, CultureInfo.InvariantCulture, out count);
    }

    private static ReadOnlySpan<char> Digits => "0123456789";

    private char Next() => _position < _pattern.Length ? _pattern[_position++] : throw new UnsupportedPatternException();

    private bool Peek(char expected) => _position < _pattern.Length && _pattern[_position] == expected;

    private bool TryTake(char expected)
    {
        if (!Peek(expected))
        {
            return false;
        }

        _position++;
        return true;
    }
}
