using System.Text;

namespace LogGuard.Training.Corpus;

/// <summary>
/// Pronounceable words that exist in no language. Each generated site names its sections, products and parameters
/// with its own, so no benign vocabulary is shared by every site and the model cannot learn "words I know are safe":
/// it has to learn what an attack looks like instead.
/// </summary>
public static class PseudoWords
{
    private static readonly string[] Onsets =
    [
        "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "cl", "dr",
        "fl", "gr", "pl", "pr", "st", "tr", "sh", "ch", "th", "qu", "sk", "sl", "sp", "",
    ];

    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y", "ee", "oa"];

    private static readonly string[] Codas = ["", "", "", "n", "r", "s", "l", "m", "t", "x", "nd", "rt", "st", "ng", "ck"];

    public static string Next(SyntheticRandom random, int minSyllables = 1, int maxSyllables = 3)
    {
        var word = new StringBuilder();
        var syllables = random.Between(minSyllables, maxSyllables);
        for (var i = 0; i < syllables; i++)
        {
            word.Append(random.Pick(Onsets)).Append(random.Pick(Vowels));
            if (i == syllables - 1 || random.Chance(0.3))
            {
                word.Append(random.Pick(Codas));
            }
        }

        return word.ToString();
    }

    /// <summary>A list of distinct words, for one site's vocabulary.</summary>
    public static string[] List(SyntheticRandom random, int count, int minSyllables = 1, int maxSyllables = 3)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<string>(count);
        while (words.Count < count)
        {
            var word = Next(random, minSyllables, maxSyllables);
            if (word.Length >= 3 && seen.Add(word))
            {
                words.Add(word);
            }
        }

        return [.. words];
    }
}
