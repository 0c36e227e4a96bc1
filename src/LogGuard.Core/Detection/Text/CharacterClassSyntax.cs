namespace LogGuard.Core.Detection.Text;

/// <summary>A character class as written: its ranges (a single character is a range of one), whether it is negated, and whether it names a shorthand class such as <c>\d</c>, whose members it does not list.</summary>
internal sealed record CharacterClassSyntax(bool Negated, IReadOnlyList<(char Low, char High)> Ranges, bool HasShorthand)
{
    /// <summary>Whether any range spans more than <paramref name="count"/> characters.</summary>
    public bool HasRangeWiderThan(int count) => Ranges.Any(range => range.High - range.Low + 1 > count);

    /// <summary>The listed characters, range by range (shorthand classes are not listed).</summary>
    public IEnumerable<char> ListedCharacters() =>
        Ranges.SelectMany(range => Enumerable.Range(range.Low, range.High - range.Low + 1).Select(code => (char)code));
}
