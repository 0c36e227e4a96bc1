namespace LogGuard.Core.Detection.Text;

/// <summary>A pattern uses a construct the literal analysis does not read; its regex then runs on every line.</summary>
internal sealed class UnsupportedPatternException : Exception;
