using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Masking;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Preprocessing;
using LogGuard.Core.Detection.Rules;

namespace LogGuard.Core.Detection;

/// <summary>Scores lines twice, by the rules and by the model, and decides. Thread-safe.</summary>
/// <param name="challenger">A model that scores every line in shadow, or null; whatever it says, it never decides.</param>
public sealed class Detector(RuleSet rules, ActiveModel active, HybridDecider decider, ActiveModel? challenger = null)
{
    public Detector(RuleSet rules, IModelScorer model, HybridDecider decider)
        : this(rules, new ActiveModel(model), decider)
    {
    }

    /// <summary>Features named per direction in a result's model evidence.</summary>
    public const int EvidencePerDirection = 3;

    public RuleSet Rules => rules;

    /// <summary>The model served now; a promotion may replace it between two requests.</summary>
    public IModelScorer Model => active.Current;

    /// <param name="fallback">True in DEGRADED: the model still scores (in shadow) but may not decide.</param>
    /// <param name="explain">
    /// Also name the features behind the model's suspicious and review verdicts. It costs a second pass through
    /// the model for those lines (about a third more CPU per line on mixed traffic), so callers ask for it.
    /// </param>
    public LineAnalysis[] Analyze(IReadOnlyList<string> lines, bool fallback, bool explain = false)
    {
        var model = active.Current;
        var modelTexts = new string[lines.Count];
        var prepared = new (string Decoded, LineShape Shape, RuleEvaluation Rules)[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var decoded = LineDecoder.Decode(lines[i]);
            var shape = LineShapeDetector.Detect(lines[i]);
            prepared[i] = (decoded, shape, rules.Evaluate(lines[i], decoded, shape));
            modelTexts[i] = ModelText.Of(lines[i], decoded);
        }

        var probabilities = ScoreWith(model, modelTexts);
        var shadow = challenger?.Current;
        var shadowProbabilities = shadow is not null && shadow.Version != model.Version ? ScoreWith(shadow, modelTexts) : null;

        var results = new LineAnalysis[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            double? probability = probabilities is null ? null : Math.Round(probabilities[i], 4);
            var (tokens, unknown) = model.CountTokens(modelTexts[i]);
            var verdict = decider.Decide(prepared[i].Rules, probability, fallback, (tokens, unknown));
            results[i] = new LineAnalysis(
                verdict,
                prepared[i].Rules,
                probability,
                prepared[i].Shape,
                SecretMasker.Mask(lines[i]),
                lines[i].Length,
                tokens,
                unknown)
            {
                ModelVersion = model.Version,
                ChallengerProbability = shadowProbabilities is null ? null : Math.Round(shadowProbabilities[i], 4),
                ChallengerVersion = shadowProbabilities is null ? null : shadow!.Version,
                ModelEvidence = explain && NeedsModelEvidence(verdict, probability) ? model.Explain(modelTexts[i], EvidencePerDirection) : [],
            };
        }

        return results;
    }

    private static float[]? ScoreWith(IModelScorer model, string[] modelTexts)
    {
        if (!model.IsAvailable)
        {
            return null;
        }

        var probabilities = new float[modelTexts.Length];
        model.Score(modelTexts, probabilities);
        return probabilities;
    }

    // Only where the model's probability decided something someone will look at: when the rules decided, their
    // rules are the evidence.
    private static bool NeedsModelEvidence(Verdict verdict, double? probability) =>
        probability is not null
        && verdict.DecidedBy is DecisionSource.Model or DecisionSource.Hybrid
        && (verdict.Suspicious || verdict.NeedsReview);
}
