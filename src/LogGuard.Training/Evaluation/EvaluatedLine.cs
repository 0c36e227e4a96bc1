using LogGuard.Core.Detection;

namespace LogGuard.Training.Evaluation;

/// <summary>A labelled line with everything the service would have answered for it, and the challenger's probability.</summary>
public sealed record EvaluatedLine(LabelledInputLine Input, LineAnalysis Analysis, double? ChallengerProbability);
