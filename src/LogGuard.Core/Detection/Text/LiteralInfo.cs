namespace LogGuard.Core.Detection.Text;

/// <summary>
/// What is known of the strings a piece of a pattern matches: exactly which (a small finite set, lower-cased),
/// or a set of literals one of which each match contains, or nothing.
/// </summary>
internal sealed class LiteralInfo
{
    // Past these sizes a set is not worth carrying: cross products grow fast, and a long list of
    // alternatives makes the substring search cost more than it saves.
    public const int MaxExactStrings = 64;
    public const int MaxRequiredStrings = 256;

    private LiteralInfo(HashSet<string>? exact, HashSet<string>? required)
    {
        Exact = exact;
        Required = required;
    }

    public static LiteralInfo Anything { get; } = new(null, null);

    public static LiteralInfo Empty => new([string.Empty], null);

    /// <summary>Every match is one of these strings; null when not known.</summary>
    public HashSet<string>? Exact { get; }

    /// <summary>Every match contains one of these; null when nothing is known to be required.</summary>
    public HashSet<string>? Required { get; }

    /// <summary>The best "contains one of" set this piece offers, or null.</summary>
    public HashSet<string>? Requirement => Exact is null ? Required : Useful(Exact);

    public static LiteralInfo OfExact(HashSet<string> exact) =>
        exact.Count <= MaxExactStrings ? new(exact, null) : new(null, Useful(exact));

    public static LiteralInfo OfRequired(HashSet<string>? required) => new(null, Useful(required));

    /// <summary>Each string of <paramref name="left"/> followed by each of <paramref name="right"/>; null when too many.</summary>
    public static HashSet<string>? Product(HashSet<string> left, HashSet<string> right)
    {
        if ((long)left.Count * right.Count > MaxExactStrings)
        {
            return null;
        }

        var product = new HashSet<string>(StringComparer.Ordinal);
        foreach (var head in left)
        {
            foreach (var tail in right)
            {
                product.Add(head + tail);
            }
        }

        return product;
    }

    /// <summary>
    /// Of several sets each of which every match satisfies, the one that rules out most lines:
    /// the longest shortest literal first, then the fewest literals.
    /// </summary>
    public static HashSet<string>? Best(IEnumerable<HashSet<string>?> candidates)
    {
        HashSet<string>? best = null;
        foreach (var candidate in candidates)
        {
            if (Useful(candidate) is { } useful && (best is null || Rank(useful).CompareTo(Rank(best)) > 0))
            {
                best = useful;
            }
        }

        return best;
    }

    private static (int ShortestLength, int Fewness) Rank(HashSet<string> set) => (set.Min(s => s.Length), -set.Count);

    // A set holding the empty string requires nothing; an oversized one is not worth searching for.
    private static HashSet<string>? Useful(HashSet<string>? set) =>
        set is null || set.Count is 0 or > MaxRequiredStrings || set.Contains(string.Empty) ? null : set;
}
