namespace LogGuard.Core.Detection.Rules;

/// <summary>A rule that fired on a line: what the client is shown as the evidence.</summary>
public sealed record TriggeredRule(string Id, string Description, string Category, double Weight);
