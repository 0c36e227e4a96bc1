namespace LogGuard.Core.Detection.Preprocessing;

/// <summary>What a line looks like: its format and the severity it declares, if any.</summary>
public sealed record LineShape(LogFormat Format, string? Level);
