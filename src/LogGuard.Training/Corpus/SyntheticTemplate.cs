namespace LogGuard.Training.Corpus;

/// <summary>One kind of line the generator writes; the id is what the split keeps on one side.</summary>
public sealed record SyntheticTemplate(string Id, string Source, bool Suspicious, Func<SyntheticRandom, string> Write);
