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

    private readonly PatternReader _reader = new(pattern);

    public LiteralInfo ParseWhole()
    {
        var info = ParseAlternation();
        return _reader.AtEnd ? info : throw new UnsupportedPatternException();
    }

    private LiteralInfo ParseAlternation()
    {
        var branches = new List<LiteralInfo> { ParseConcatenation() };
        while (_reader.TryTake('|'))
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
        while (!_reader.AtBranchEnd)
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
        if (!_reader.TryReadQuantifier(out var min, out var max))
        {
            return atom;
        }

        _reader.TryTake('?'); // lazy or greedy, the same strings match
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
        var character = _reader.Next();
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
        if (_reader.TryTake('?'))
        {
            switch (_reader.Next())
            {
                case ':':
                    break;
                case '<' when !_reader.PeekAny("=!"):
                    _reader.ReadThrough('>');
                    break;
                case '\'':
                    _reader.ReadThrough('\'');
                    break;
                case '#':
                    _reader.ReadThrough(')');
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
        var start = _reader.Position - 1;
        while (!_reader.PeekAny(":)"))
        {
            _reader.Next();
        }

        if (pattern.AsSpan(start, _reader.Position - start).Contains('x'))
        {
            throw new UnsupportedPatternException();
        }

        if (_reader.Next() == ')')
        {
            return LiteralInfo.Empty;
        }

        return ParseGroupBody();
    }

    private LiteralInfo ParseGroupBody()
    {
        var inner = ParseAlternation();
        return _reader.TryTake(')') ? inner : throw new UnsupportedPatternException();
    }

    private LiteralInfo ParseEscape()
    {
        var escaped = _reader.Next();
        if (escaped is 'b' or 'B' or 'A' or 'z' or 'Z' or 'G')
        {
            return LiteralInfo.Empty;
        }

        return TrySkipShorthand(escaped) ? LiteralInfo.Anything : Literal(_reader.EscapedCharacter(escaped));
    }

    private LiteralInfo ParseClass()
    {
        var syntax = _reader.ReadClass();
        if (syntax.Negated || syntax.HasShorthand || syntax.HasRangeWiderThan(MaxClassChars))
        {
            return LiteralInfo.Anything;
        }

        var members = syntax.ListedCharacters().ToHashSet();
        if (members.Any(member => !char.IsAscii(member)))
        {
            return LiteralInfo.Anything;
        }

        var folded = members.Select(member => char.ToLowerInvariant(member).ToString()).ToHashSet(StringComparer.Ordinal);
        return folded.Count <= MaxClassChars ? LiteralInfo.OfExact(folded) : LiteralInfo.Anything;
    }

    /// <summary>True for a class shorthand (\d, \w, \s, \p{...} and their negations), which stands for too many characters to list.</summary>
    private bool TrySkipShorthand(char escaped)
    {
        if (escaped is 'p' or 'P')
        {
            _reader.ReadThrough('}');
            return true;
        }

        return escaped is 'd' or 'D' or 'w' or 'W' or 's' or 'S';
    }

    private static LiteralInfo Literal(char character) =>
        char.IsAscii(character) ? LiteralInfo.OfExact([char.ToLowerInvariant(character).ToString()]) : LiteralInfo.Anything;
}
