using System.Globalization;

namespace LogGuard.Core.Detection.Text;

/// <summary>
/// The two character rules of .NET's regex engine that matching phrases without it must reproduce exactly:
/// which characters count as word characters for <c>\b</c>, and which non-ASCII characters its
/// case-insensitive, culture-invariant matching pairs with an ASCII letter.
/// </summary>
/// <remarks>Both are checked against the engine itself, character by character, in the tests.</remarks>
internal static class RegexCharacterRules
{
    private const char NoAsciiEquivalent = '\uFFFF';

    public static bool IsWordCharacter(char character) =>
        char.IsAscii(character)
            ? char.IsAsciiLetterOrDigit(character) || character == '_'
            : IsNonAsciiWordCharacter(character);

    /// <summary>
    /// The ASCII character the engine treats <paramref name="character"/> as when ignoring case, or a
    /// character no ASCII text contains.
    /// </summary>
    public static char FoldToAscii(char character) => character switch
    {
        < '\u0080' => character,
        '\u212A' => 'k', // Kelvin sign
        _ => NoAsciiEquivalent,
    };

    // \w is letters, non-spacing marks, decimal digits and connector punctuation; \b also
    // treats the zero-width joiner and non-joiner as part of a word.
    private static bool IsNonAsciiWordCharacter(char character) =>
        character is '\u200C' or '\u200D'
        || CharUnicodeInfo.GetUnicodeCategory(character) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
}
