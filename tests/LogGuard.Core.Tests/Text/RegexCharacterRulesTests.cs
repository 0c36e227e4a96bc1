using System.Text.RegularExpressions;
using LogGuard.Core.Detection.Text;

namespace LogGuard.Core.Tests.Text;

/// <summary>The phrase matcher copies two of the engine's character rules; every UTF-16 code unit is checked against it.</summary>
public sealed class RegexCharacterRulesTests
{
    private const RegexOptions Engine = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    [Fact]
    public void IsWordCharacter_EveryCharacter_AgreesWithTheEnginesWordBoundary()
    {
        // A one-character string has a boundary at its start exactly when that character is a word character.
        var boundary = new Regex("^\\b", Engine);
        var disagreements = AllCharacters().Where(c => RegexCharacterRules.IsWordCharacter(c) != boundary.IsMatch(c.ToString()));

        disagreements.Select(c => $"U+{(int)c:X4}").Should().BeEmpty();
    }

    [Fact]
    public void FoldToAscii_EveryCharacter_PairsExactlyTheCharactersTheEngineMatchesIgnoringCase()
    {
        var anyAscii = new Regex("^[\\x00-\\x7F]$", Engine | RegexOptions.IgnoreCase);
        foreach (var character in AllCharacters().Where(c => !char.IsAscii(c)))
        {
            var folded = RegexCharacterRules.FoldToAscii(character);
            char.IsAscii(folded).Should().Be(anyAscii.IsMatch(character.ToString()), "U+{0:X4}", (int)character);
            if (char.IsAscii(folded))
            {
                new Regex("^" + folded + "$", Engine | RegexOptions.IgnoreCase).IsMatch(character.ToString())
                    .Should().BeTrue("U+{0:X4} should pair with {1}", (int)character, folded);
            }
        }
    }

    private static IEnumerable<char> AllCharacters() => Enumerable.Range(0, char.MaxValue + 1).Select(code => (char)code);
}
