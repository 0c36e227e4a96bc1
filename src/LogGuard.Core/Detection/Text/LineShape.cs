namespace LogGuard.Core.Detection.Text;

/// <summary>What a line looks like: its format and the severity it declares, if any.</summary>
public sealed record LineShape(LogFormat Format, string? Level);
