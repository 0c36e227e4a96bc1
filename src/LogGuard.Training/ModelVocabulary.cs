using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Training;

/// <summary>The words a model was trained on: the service counts a line's other words as unseen, and defers to the rules when most are.</summary>
public static class ModelVocabulary
{
    /// <summary>A word seen once is as likely an id or a typo as a word: it takes two lines to enter the vocabulary.</summary>
    public const int MinCount = 2;

    /// <summary>Writes the vocabulary of the training texts (as the model reads them), one word a line, and returns its size.</summary>
    public static int Write(IEnumerable<string> modelTexts, string path)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in modelTexts)
        {
            foreach (var token in ModelText.Tokens(text))
            {
                counts[token] = counts.GetValueOrDefault(token) + 1;
            }
        }

        var words = counts.Where(pair => pair.Value >= MinCount).Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList();
        File.WriteAllLines(path, words);
        return words.Count;
    }
}
