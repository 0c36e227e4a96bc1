using System.Text.Json;

namespace LogGuard.Data.Audit;

/// <summary>Reads the stored <c>input_summary</c> JSON, which the API writes as <c>{"masked": "...", "masks": {...}}</c>.</summary>
public static class InputSummaries
{
    /// <summary>The masked line; the raw line, when stored at all, is never what anything else reads.</summary>
    public static string MaskedLine(string inputSummary)
    {
        using var summary = JsonDocument.Parse(inputSummary);
        return summary.RootElement.TryGetProperty("masked", out var masked) ? masked.GetString() ?? "" : "";
    }
}
