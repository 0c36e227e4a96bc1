namespace LogGuard.Core.Detection.Text.Automata;

/// <summary>
/// A set of input characters as the automaton sees them: each ASCII character on its own, and every other
/// character as either a word character or not (the only distinction <c>\b</c> draws among them).
/// </summary>
/// <remarks>
/// Patterns the automaton accepts name only ASCII characters, so a non-ASCII character can only be matched
/// wholesale, by <c>.</c> or a negated class; what sets one apart from another is whether it is a word character.
/// </remarks>
internal readonly record struct SymbolSet(ulong Low, ulong High, bool OtherWord, bool OtherNonWord)
{
    /// <summary>Symbols 0-127 are the ASCII characters; these two stand for every other character.</summary>
    public const int OtherWordSymbol = 128;
    public const int OtherNonWordSymbol = 129;
    public const int SymbolCount = 130;

    public static SymbolSet Empty => default;

    public static SymbolSet Of(char asciiCharacter) => Empty.With(asciiCharacter);

    public bool Contains(int symbol) => symbol switch
    {
        < 64 => (Low & (1UL << symbol)) != 0,
        < 128 => (High & (1UL << (symbol - 64))) != 0,
        OtherWordSymbol => OtherWord,
        _ => OtherNonWord,
    };

    public SymbolSet With(char asciiCharacter) => asciiCharacter < 64
        ? this with { Low = Low | (1UL << asciiCharacter) }
        : this with { High = High | (1UL << (asciiCharacter - 64)) };

    public SymbolSet Union(SymbolSet other) =>
        new(Low | other.Low, High | other.High, OtherWord || other.OtherWord, OtherNonWord || other.OtherNonWord);

    public SymbolSet Complement() => new(~Low, ~High, !OtherWord, !OtherNonWord);

    /// <summary>The set with both cases of every ASCII letter in it.</summary>
    public SymbolSet WithBothCases()
    {
        var result = this;
        for (var letter = 'a'; letter <= 'z'; letter++)
        {
            var upper = char.ToUpperInvariant(letter);
            if (Contains(letter) || Contains(upper))
            {
                result = result.With(letter).With(upper);
            }
        }

        return result;
    }
}
