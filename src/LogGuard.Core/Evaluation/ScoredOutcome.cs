namespace LogGuard.Core.Evaluation;

/// <summary>One line as one detector saw it: the true label, the detector's verdict, and the score behind it.</summary>
public readonly record struct ScoredOutcome(bool Actual, bool Predicted, double Score)
{
    public bool Correct => Actual == Predicted;
}
