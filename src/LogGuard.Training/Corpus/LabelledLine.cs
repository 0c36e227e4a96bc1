namespace LogGuard.Training.Corpus;

/// <summary>One line of the training corpus.</summary>
/// <param name="Source">Where the line comes from, e.g. <c>loghub/BGL</c> or <c>synthetic/web</c>; figures are reported per source.</param>
/// <param name="Group">What the split keeps together: a template id, or a payload, so no template is on both sides.</param>
/// <param name="IsTest">True for held-out lines.</param>
public sealed record LabelledLine(string Text, bool Suspicious, string Source, string Group, bool IsTest)
{
    /// <summary>
    /// What the never-seen evaluation leaves out of training as a whole: an attack family (<c>payloads/sqli</c>),
    /// a loghub system, a synthetic format. Defaults to the source.
    /// </summary>
    public string Family { get; init; } = Source;
}
