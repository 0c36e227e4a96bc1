namespace LogGuard.Core.Detection.Model;

/// <summary>
/// One feature of a line and how far it pushed the model: the linear model's weight times the line's TF-IDF
/// value, in log-odds. Positive pushes towards suspicious, negative towards normal.
/// </summary>
/// <param name="Feature">A word or word pair (<c>union select</c>), or three characters (<c>chars "../"</c>).</param>
public sealed record ModelEvidence(string Feature, double Weight);
