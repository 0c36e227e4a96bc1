using System.Globalization;

namespace LogGuard.Core.Detection.Text;

/// <summary>
/// Reads a .NET regex pattern far enough to know which literals its matches contain. It only sees patterns
/// the regex engine has already accepted, so it need not diagnose errors: whatever it does not recognise
/// throws <see cref="UnsupportedPatternException"/>, which means "assume nothing".
/// </summary>
internal sealed class RegexLiteralParser(string pattern)
{
    private const int MaxClassChars = 16;
    private const int MaxRepeatsExpanded = 16;

    private int _position;

    public LiteralInfo ParseWhole()
    {
        var info = ParseAlternation();
        return _position == pattern.Length ? info : throw new UnsupportedPatternException();
    }

    private LiteralInfo ParseAlternation()
    {
        var branches = new List<LiteralInfo> { ParseConcatenation() };
        while (TryTake('|'))
        {
            branches.Add(ParseConcatenation());
        }

        return branches.Count == 1 ? branches[0] : Alternate(branches);
    }

    private static LiteralInfo Alternate(List<LiteralInfo> branches)
    {
        if (branches.TrueForAll(branch => branch.Exact is not null))
        {
            return LiteralInfo.OfExact([.. branches.SelectMany(branch => branch.Exact!)]);
        }

        // A match takes one branch, so it contains a literal of that branch's requirement.
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var branch in branches)
        {
            if (branch.Requirement is not { } requirement)
            {
                return LiteralInfo.Anything;
            }

            required.UnionWith(requirement);
        }

        return LiteralInfo.OfRequired(required);
    }

    private LiteralInfo ParseConcatenation()
    {
        // Consecutive exact pieces multiply into runs of whole strings. A match contains every piece,
        // so any run, or any piece's requirement, is a requirement of the whole; the best one is kept.
        var candidates = new List<HashSet<string>?>();
        HashSet<string> run = [string.Empty];
        var exactThroughout = true;
        while (_position < pattern.Length && pattern[_position] is not ('|' or ')'))
        {
            var piece = ParseQuantified();
            if (piece.Exact is { } exact && LiteralInfo.Product(run, exact) is { } longer)
            {
                run = longer;
                continue;
            }

            exactThroughout = false;
            candidates.Add(run);
            if (piece.Exact is { } startsNewRun)
            {
                run = startsNewRun;
            }
            else
            {
                candidates.Add(piece.Required);
                run = [string.Empty];
            }
        }

        if (exactThroughout)
        {
            return LiteralInfo.OfExact(run);
        }

        candidates.Add(run);
        return LiteralInfo.OfRequired(LiteralInfo.Best(candidates));
    }

    private LiteralInfo ParseQuantified()
    {
        var atom = ParseAtom();
        if (!TryParseQuantifier(out var min, out var max))
        {
            return atom;
        }

        TryTake('?'); // lazy or greedy, the same strings match
        return Repeat(atom, min, max);
    }

    private static LiteralInfo Repeat(LiteralInfo atom, int min, int? max)
    {
        if (min == 0)
        {
            return max == 1 && atom.Exact is { } optional ? LiteralInfo.OfExact([.. optional, string.Empty]) : LiteralInfo.Anything;
        }

        if (atom.Exact is not { } exact)
        {
            return LiteralInfo.OfRequired(atom.Required);
        }

        // A match begins with min copies back to back.
        HashSet<string>? repeated = exact;
        for (var copy = 1; copy < Math.Min(min, MaxRepeatsExpanded) && repeated is not null; copy++)
        {
            repeated = LiteralInfo.Product(repeated, exact);
        }

        return repeated is not null && min == max && min <= MaxRepeatsExpanded
            ? LiteralInfo.OfExact(repeated)
            : LiteralInfo.OfRequired(repeated ?? exact);
    }

    private LiteralInfo ParseAtom()
    {
        var character = Next();
        return character switch
        {
            '(' => ParseGroup(),
            '[' => ParseClass(),
            '.' => LiteralInfo.Anything,
            '^' or '$' => LiteralInfo.Empty,
            '\\' => ParseEscape(),
            '*' or '+' or '?' or ')' or '|' => throw new UnsupportedPatternException(),
            _ => Literal(character),
        };
    }

    private LiteralInfo ParseGroup()
    {
        if (TryTake('?'))
        {
            switch (Next())
            {
                case ':':
                    break;
                case '<' when !Peek('=') && !Peek('!'):
                    SkipPast('>');
                    break;
                case '\'':
                    SkipPast('\'');
                    break;
                case '#':
                    SkipPast(')');
                    return LiteralInfo.Empty;
                case 'i' or 'm' or 'n' or 's' or 'x' or '-':
                    return ParseInlineOptions();
                default:
                    throw new UnsupportedPatternException(); // lookarounds, atomic groups, conditionals
            }
        }

        return ParseGroupBody();
    }

    // Case, line and capture options do not change which literals a match contains under a
    // case-insensitive search; free-spacing changes how the rest of the pattern reads.
    private LiteralInfo ParseInlineOptions()
    {
        var start = _position - 1;
        while (!Peek(':') && !Peek(')'))
        {
            Next();
        }

        if (pattern.AsSpan(start, _position - start).Contains('x'))
        {
            throw new UnsupportedPatternException();
        }

        if (Next() == ')')
        {
            return LiteralInfo.Empty;
        }

        return ParseGroupBody();
    }

    private LiteralInfo ParseGroupBody()
    {
        var inner = ParseAlternation();
        return TryTake(')') ? inner : throw new UnsupportedPatternException();
    }

    private LiteralInfo ParseEscape()
    {
        var escaped = Next();
        if (escaped is 'b' or 'B' or 'A' or 'z' or 'Z' or 'G')
        {
            return LiteralInfo.Empty;
        }

        return TrySkipShorthand(escaped) ? LiteralInfo.Anything : Literal(EscapedCharacter(escaped));
    }

    private LiteralInfo ParseClass()
    {
        var members = new HashSet<char>();
        var broad = TryTake('^');
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
            if (low is not null && Peek('-') && _position + 1 < pattern.Length && pattern[_position + 1] != ']')
            {
                Next();
                var high = ClassMember(Next()) ?? throw new UnsupportedPatternException();
                broad |= high - low.Value > MaxClassChars;
                for (var member = low.Value; !broad && member <= high; member++)
                {
                    members.Add(member);
                }
            }
            else if (low is { } single)
            {
                members.Add(single);
            }
            else
            {
                broad = true;
            }
        }

        if (broad || members.Any(member => !char.IsAscii(member)))
        {
            return LiteralInfo.Anything;
        }

        var folded = members.Select(member => char.ToLowerInvariant(member).ToString()).ToHashSet(StringComparer.Ordinal);
        return folded.Count <= MaxClassChars ? LiteralInfo.OfExact(folded) : LiteralInfo.Anything;
    }

    /// <summary>The character a class member stands for, or null for a shorthand such as \d.</summary>
    private char? ClassMember(char character)
    {
        if (character != '\\')
        {
            return character;
        }

        var escaped = Next();
        return TrySkipShorthand(escaped) ? null : escaped == 'b' ? '\b' : EscapedCharacter(escaped);
    }

    /// <summary>True for a class shorthand (\d, \w, \s, \p{...} and their negations), which stands for too many characters to list.</summary>
    private bool TrySkipShorthand(char escaped)
    {
        if (escaped is 'p' or 'P')
        {
            SkipPast('}');
            return true;
        }

        return escaped is 'd' or 'D' or 'w' or 'W' or 's' or 'S';
    }

    private char EscapedCharacter(char escaped) => escaped switch
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

        // Back-references, octal and control escapes: not worth reading.
        _ when char.IsAsciiLetterOrDigit(escaped) => throw new UnsupportedPatternException(),
        _ => escaped,
    };

    private char Hex(int digits)
    {
        if (_position + digits > pattern.Length
            || !int.TryParse(pattern.AsSpan(_position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new UnsupportedPatternException();
        }

        _position += digits;
        return (char)value;
    }

    private bool TryParseQuantifier(out int min, out int? max)
    {
        min = 0;
        max = null;
        switch (_position < pattern.Length ? pattern[_position] : '\0')
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
            case '{':
                return TryParseBraces(out min, out max);
            default:
                return false;
        }
    }

    // "{n}", "{n,}" or "{n,m}"; anything else is a literal brace and is left unread.
    private bool TryParseBraces(out int min, out int? max)
    {
        min = 0;
        max = null;
        var close = pattern.IndexOf('}', _position);
        if (close < 0)
        {
            return false;
        }

        var body = pattern.AsSpan(_position + 1, close - _position - 1);
        var comma = body.IndexOf(',');
        var minText = comma < 0 ? body : body[..comma];
        if (!IsNumber(minText) || !int.TryParse(minText, CultureInfo.InvariantCulture, out min))
        {
            return false;
        }

        if (comma < 0)
        {
            max = min;
        }
        else if (body.Length > comma + 1)
        {
            var maxText = body[(comma + 1)..];
            if (!IsNumber(maxText) || !int.TryParse(maxText, CultureInfo.InvariantCulture, out var upper))
            {
                return false;
            }

            max = upper;
        }

        _position = close + 1;
        return true;
    }

    private static bool IsNumber(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    private static LiteralInfo Literal(char character) =>
        char.IsAscii(character) ? LiteralInfo.OfExact([char.ToLowerInvariant(character).ToString()]) : LiteralInfo.Anything;

    private char Next() => _position < pattern.Length ? pattern[_position++] : throw new UnsupportedPatternException();

    private bool Peek(char expected) => _position < pattern.Length && pattern[_position] == expected;

    private bool TryTake(char expected)
    {
        if (!Peek(expected))
        {
            return false;
        }

        _position++;
        return true;
    }

    private void SkipPast(char terminator)
    {
        var end = pattern.IndexOf(terminator, _position);
        _position = end >= 0 ? end + 1 : throw new UnsupportedPatternException();
    }
}
