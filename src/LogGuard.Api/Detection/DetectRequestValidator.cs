namespace LogGuard.Api.Detection;

/// <summary>Checks a request against the documented limits and names every offending field.</summary>
public static class DetectRequestValidator
{
    public const int MaxSourceLength = 64;

    /// <returns>The cleaned lines (trailing CR/LF removed), or the errors by field.</returns>
    public static (string[]? Lines, Dictionary<string, string[]>? Errors) Validate(DetectRequest request, DetectionOptions limits)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Source is { } source && !IsValidSource(source))
        {
            errors["source"] = [$"source must be 1 to {MaxSourceLength} characters of [A-Za-z0-9._-]"];
        }

        if (request.Lines is null)
        {
            errors["lines"] = ["lines is required"];
            return (null, errors);
        }

        if (request.Lines.Count == 0 || request.Lines.Count > limits.MaxLinesPerRequest)
        {
            errors["lines"] = [$"lines must hold 1 to {limits.MaxLinesPerRequest} lines, got {request.Lines.Count}"];
            return (null, errors);
        }

        var lines = new string[request.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var problem = CheckLine(request.Lines[i], limits, out lines[i]);
            if (problem is not null)
            {
                errors[$"lines[{i}]"] = [problem];
            }
        }

        return errors.Count == 0 ? (lines, null) : (null, errors);
    }

    /// <returns>The problem with one line, or null; <paramref name="line"/> is the line with trailing CR/LF removed.</returns>
    internal static string? CheckLine(string? raw, DetectionOptions limits, out string line)
    {
        line = raw?.TrimEnd('\r', '\n') ?? "";
        if (raw is null)
        {
            return "line must be a string, not null";
        }

        if (line.Length == 0)
        {
            return "line is empty";
        }

        if (line.Length > limits.MaxLineLength)
        {
            return $"line is longer than {limits.MaxLineLength} characters ({line.Length})";
        }

        var nul = line.IndexOf('\0', StringComparison.Ordinal);
        return nul >= 0 ? $"line contains a NUL character at position {nul}" : null;
    }

    internal static bool IsValidSource(string source) =>
        source.Length is > 0 and <= MaxSourceLength
        && source.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
