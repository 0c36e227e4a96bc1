using LogGuard.Core.Detection;

namespace LogGuard.Api.Detection;

internal static class DetectResponseFactory
{
    public static DetectResponse Create(IReadOnlyList<LineAnalysis> analyses, long[] ids, AuditContext context, bool modelLoaded)
    {
        var results = new LineResult[analyses.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var analysis = analyses[i];
            results[i] = new LineResult
            {
                Id = ids[i],
                Label = analysis.Verdict.Label,
                Score = analysis.Verdict.Score,
                Confidence = analysis.Verdict.Confidence,
                DecidedBy = DecisionNames.Of(analysis.Verdict.DecidedBy),
                FallbackUsed = analysis.Verdict.FallbackUsed,
                NeedsReview = analysis.Verdict.NeedsReview,
                Severity = DecisionNames.Of(analysis.Verdict.Severity),
                Rules = new RuleResult
                {
                    Score = analysis.Rules.Score,
                    Triggered = [.. analysis.Rules.Triggered.Select(rule => new TriggeredRuleResult
                    {
                        Id = rule.Id,
                        Description = rule.Description,
                        Category = rule.Category,
                        Weight = rule.Weight,
                    })],
                },
                Model = analysis.ModelProbability is { } probability ? new ModelResult
                {
                    Probability = probability,
                    Unfamiliar = analysis.Verdict.ModelUnfamiliar,
                    Evidence = [.. analysis.ModelEvidence.Select(evidence => new ModelEvidenceResult { Feature = evidence.Feature, Weight = evidence.Weight })],
                } : null,
            };
        }

        return new DetectResponse
        {
            State = context.State,
            ModelVersion = context.ModelVersion,
            ModelLoaded = modelLoaded,
            RulesVersion = context.RulesVersion,
            RequestId = context.RequestId,
            Results = results,
        };
    }
}
