namespace LogGuard.Core.Detection.Rules;

/// <summary>The rules file cannot be used; the message says which rule and why.</summary>
public sealed class RuleFileException(string message, Exception? inner = null) : Exception(message, inner);
