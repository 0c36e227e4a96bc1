using System.Collections.Concurrent;
using System.Globalization;
using LogGuard.Core.Detection.Model;

namespace LogGuard.Training.Evaluation;

/// <summary>
/// A model's answers, kept per model text: recorded while a real model scores, then replayed without it. The
/// never-seen evaluation trains one model per family (about an hour in all); with the answers recorded, a change
/// to the rules or the hybrid decision is re-scored in seconds. A change to how lines become model text (the
/// decoder, the access-line reader) changes the texts, and a replay then stops at the first one it lacks.
/// </summary>
public sealed class RecordedModelScorer : IModelScorer
{
    private readonly IModelScorer? _model;
    private readonly ConcurrentDictionary<string, Answer> _answers;

    private RecordedModelScorer(IModelScorer? model, ConcurrentDictionary<string, Answer> answers)
    {
        _model = model;
        _answers = answers;
    }

    public bool IsAvailable => true;

    public string? UnavailableReason => null;

    public ModelMetadata? Metadata => _model?.Metadata;

    public string Version => _model?.Version ?? "recorded";

    /// <summary>Scores with <paramref name="model"/> and keeps every answer.</summary>
    public static RecordedModelScorer Recording(IModelScorer model) => new(model, new(StringComparer.Ordinal));

    /// <summary>Replays the answers saved by <see cref="Save"/>.</summary>
    public static RecordedModelScorer Load(string path)
    {
        var answers = new ConcurrentDictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split('\t');
            answers[Unescape(fields[0])] = new Answer(
                float.Parse(fields[1], CultureInfo.InvariantCulture),
                int.Parse(fields[2], CultureInfo.InvariantCulture),
                int.Parse(fields[3], CultureInfo.InvariantCulture));
        }

        return new RecordedModelScorer(null, answers);
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllLines(path, _answers.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair =>
            string.Create(CultureInfo.InvariantCulture, $"{Escape(pair.Key)}\t{pair.Value.Probability:R}\t{pair.Value.Tokens}\t{pair.Value.OutOfVocabulary}")));
    }

    public (int Tokens, int OutOfVocabulary) CountTokens(string modelText)
    {
        var answer = Find(modelText, counting: true);
        return (answer.Tokens, answer.OutOfVocabulary);
    }

    public void Score(IReadOnlyList<string> modelTexts, Span<float> probabilities)
    {
        if (_model is not null)
        {
            _model.Score(modelTexts, probabilities);
            for (var i = 0; i < modelTexts.Count; i++)
            {
                var (tokens, outOfVocabulary) = _model.CountTokens(modelTexts[i]);
                _answers[modelTexts[i]] = new Answer(probabilities[i], tokens, outOfVocabulary);
            }

            return;
        }

        for (var i = 0; i < modelTexts.Count; i++)
        {
            probabilities[i] = Find(modelTexts[i], counting: false).Probability;
        }
    }

    public IReadOnlyList<ModelEvidence> Explain(string modelText, int count) => _model?.Explain(modelText, count) ?? [];

    private Answer Find(string modelText, bool counting)
    {
        if (_answers.TryGetValue(modelText, out var answer))
        {
            return answer;
        }

        if (_model is not null && counting)
        {
            var (tokens, outOfVocabulary) = _model.CountTokens(modelText);
            return new Answer(float.NaN, tokens, outOfVocabulary);
        }

        throw new InvalidOperationException(
            $"No recorded answer for the model text '{modelText}': the way lines become model text has changed since the answers were recorded; run never-seen without --replay.");
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private static string Unescape(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                builder.Append(text[i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', _ => text[i] });
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private readonly record struct Answer(float Probability, int Tokens, int OutOfVocabulary);
}
