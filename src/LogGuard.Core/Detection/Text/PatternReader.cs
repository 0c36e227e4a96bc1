using System.Globalization;

namespace LogGuard.Core.Detection.Text;

/// <summary>
/// A cursor over a .NET regex pattern, with the lexical rules every reader of patterns here shares: escapes
/// with hex codes, quantifiers, and braces that are a quantifier only when they read as one.
/// Readers only see patterns the engine has accepted; what a reader does not understand it reports as
/// <see cref="UnsupportedPatternException"/> (or null), meaning "leave this pattern to the engine".
/// </summary>
internal sealed class PatternReader(string pattern)
{
    public int Position { get; private set; }

    public bool AtEnd => Position >= pattern.Length;

    /// <summary>Whether the next character ends a branch: <c>|</c>, <c>)</c> or the end of the pattern.</summary>
    public bool AtBranchEnd => AtEnd || pattern[Position] is '|' or ')';

    public char Next() => Position < pattern.Length ? pattern[Position++] : throw new UnsupportedPatternException();

    public char? NextOrNull() => Position < pattern.Length ? pattern[Position++] : null;

    public bool Peek(char expected) => Position < pattern.Length && pattern[Position] == expected;

    public bool PeekAny(ReadOnlySpan<char> expected) => Position < pattern.Length && expected.Contains(pattern[Position]);

    public bool TryTake(char expected)
    {
        if (!Peek(expected))
        {
            return false;
        }

        Position++;
        return true;
    }

    // A class member followed by '-' and another member makes a range; a '-' before ']' is a member itself.
    private bool RangeFollows() => Peek('-') && Position + 1 < pattern.Length && pattern[Position + 1] != ']';

    /// <summary>The character a class member stands for, or null for a shorthand such as <c>\d</c>.</summary>
    private char? ClassMember(char character)
    {
        if (character != '\\')
        {
            return character;
        }

        var escaped = Next();
        switch (escaped)
        {
            case 'p' or 'P':
                ReadThrough('}');
                return null;
            case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                return null;
            case 'b':
                return '\b'; // backspace, inside a class
            default:
                return EscapedCharacter(escaped);
        }
    }

    /// <summary>Reads a character class, from after its opening bracket to past its closing one.</summary>
    public CharacterClassSyntax ReadClass()
    {
        var negated = TryTake('^');
        var ranges = new List<(char Low, char High)>();
        var hasShorthand = false;
        var first = true;
        while (true)
        {
            var character = Next();
            if (character == ']' && !first)
            {
                return new CharacterClassSyntax(negated, ranges, hasShorthand);
            }

            first = false;
            if (character == '-' && Peek('['))
            {
                throw new UnsupportedPatternException(); // class subtraction
            }

            if (ClassMember(character) is not { } low)
            {
                hasShorthand = true;
            }
            else if (RangeFollows())
            {
                Next();
                var high = ClassMember(Next()) ?? throw new UnsupportedPatternException();
                ranges.Add(high >= low ? (low, high) : throw new UnsupportedPatternException());
            }
            else
            {
                ranges.Add((low, low));
            }
        }
    }

    /// <summary>Moves past the next <paramref name="terminator"/> and returns what came before it.</summary>
    public ReadOnlySpan<char> ReadThrough(char terminator)
    {
        var end = pattern.IndexOf(terminator, Position);
        if (end < 0)
        {
            throw new UnsupportedPatternException();
        }

        var text = pattern.AsSpan(Position, end - Position);
        Position = end + 1;
        return text;
    }

    /// <summary>
    /// The character an escape outside a class stands for, given the character after the backslash (reading
    /// the digits of <c>\xHH</c> and <c>\uHHHH</c>). Letters and digits that name classes, anchors,
    /// back-references, octal or control codes are not characters.
    /// </summary>
    public char EscapedCharacter(char escaped) => escaped switch
    {
        't' => '\t',
        'n' => '\n',
        'r' => '\r',
        'f' => '\f',
        'v' => '\v',
        'a' => '\a',
        'e' => '\u001B',
        'x' => ReadHex(2),
        'u' => ReadHex(4),
        _ when char.IsAsciiLetterOrDigit(escaped) => throw new UnsupportedPatternException(),
        _ => escaped,
    };

    private char ReadHex(int digits)
    {
        if (Position + digits > pattern.Length
            || !int.TryParse(pattern.AsSpan(Position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new UnsupportedPatternException();
        }

        Position += digits;
        return (char)value;
    }

    /// <summary>Reads <c>*</c>, <c>+</c>, <c>?</c>, <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c>; a null maximum is unbounded.</summary>
    public bool TryReadQuantifier(out int min, out int? max)
    {
        min = 0;
        max = null;
        switch (AtEnd ? '\0' : pattern[Position])
        {
            case '*':
                Position++;
                return true;
            case '+':
                Position++;
                min = 1;
                return true;
            case '?':
                Position++;
                max = 1;
                return true;
            case '{' when TryReadBraces(out min, out max, out var end):
                Position = end;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether a quantifier comes next, without reading it.</summary>
    public bool QuantifierFollows() => PeekAny("*+?") || (Peek('{') && TryReadBraces(out _, out _, out _));

    // "{n}", "{n,}" or "{n,m}"; anything else is a literal brace.
    private bool TryReadBraces(out int min, out int? max, out int end)
    {
        min = 0;
        max = null;
        end = 0;
        var close = pattern.IndexOf('}', Position);
        if (close < 0)
        {
            return false;
        }

        var body = pattern.AsSpan(Position + 1, close - Position - 1);
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
        return !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9') && int.TryParse(text, CultureInfo.InvariantCulture, out count);
    }
}
