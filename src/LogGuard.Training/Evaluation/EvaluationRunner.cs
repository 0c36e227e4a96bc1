using LogGuard.Core.Detection;
using LogGuard.Core.Detection.Model;

namespace LogGuard.Training.Evaluation;

/// <summary>Runs the service's own detector, and the challenger model beside it, over every labelled line.</summary>
public sealed class EvaluationRunner(Detector detector, IModelScorer challenger)
{
    public const int BatchSize = 512;

    /// <param name="progress">Called with the number of lines done after each batch.</param>
    public IReadOnlyList<EvaluatedLine> Run(IReadOnlyList<LabelledInputLine> lines, Action<int> progress)
    {
        var results = new EvaluatedLine[lines.Count];
        var batches = (lines.Count + BatchSize - 1) / BatchSize;
        var done = 0;
        Parallel.For(0, batches, batch =>
        {
            var start = batch * BatchSize;
            var inputs = lines.Skip(start).Take(BatchSize).ToList();
            var texts = inputs.Select(line => line.Text).ToList();
            var analyses = detector.Analyze(texts, fallback: false, explain: true);
            var challengerProbabilities = ScoreChallenger(texts);
            for (var i = 0; i < inputs.Count; i++)
            {
                results[start + i] = new EvaluatedLine(inputs[i], analyses[i], challengerProbabilities?[i]);
            }

            progress(Interlocked.Add(ref done, inputs.Count));
        });

        return results;
    }

    // The challenger sees exactly the text the active model sees.
    private double[]? ScoreChallenger(IReadOnlyList<string> lines)
    {
        if (!challenger.IsAvailable)
        {
            return null;
        }

        var modelTexts = lines.Select(Core.Detection.Preprocessing.ModelText.Of).ToList();
        var probabilities = new float[modelTexts.Count];
        challenger.Score(modelTexts, probabilities);
        return [.. probabilities.Select(p => Math.Round(p, 4))];
    }
}
