using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Masking;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Preprocessing;
using LogGuard.Core.Detection.Rules;

namespace LogGuard.Core.Detection;

/// <summary>Scores lines twice, by the rules and by the model, and decides. Thread-safe.</summary>
public sealed class Detector(RuleSet rules, IModelScorer model, HybridDecider decider)
{
    public RuleSet Rules => rules;

    public IModelScorer Model => model;

    /// <param name="fallback">True in DEGRADED: the model still scores (in shadow) but may not decide.</param>
    public LineAnalysis[] Analyze(IReadOnlyList<string> lines, bool fallback)
    {
        var modelTexts = new string[lines.Count];
        var prepared = new (string Decoded, LineShape Shape, RuleEvaluation Rules)[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var decoded = LineDecoder.Decode(lines[i]);
            var shape = LineShapeDetector.Detect(lines[i]);
            prepared[i] = (decoded, shape, rules.Evaluate(lines[i], decoded, shape));
            modelTexts[i] = ModelText.Of(lines[i], decoded);
        }

        float[]? probabilities = null;
        if (model.IsAvailable)
        {
            probabilities = new float[lines.Count];
            model.Score(modelTexts, probabilities);
        }

        var results = new LineAnalysis[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            double? probability = probabilities is null ? null : Math.Round(probabilities[i], 4);
            var (tokens, unknown) = model.CountTokens(modelTexts[i]);
            results[i] = new LineAnalysis(
                decider.Decide(prepared[i].Rules, probability, fallback, (tokens, unknown)),
                prepared[i].Rules,
                probability,
                prepared[i].Shape,
                SecretMasker.Mask(lines[i]),
                lines[i].Length,
                tokens,
                unknown);
        }

        return results;
    }
}
