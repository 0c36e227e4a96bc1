namespace LogGuard.Core.Detection.Masking;

/// <summary>A line with its secrets masked, and how many of each kind were masked.</summary>
public sealed record MaskedLine(string Text, IReadOnlyDictionary<string, int> MaskCounts);
