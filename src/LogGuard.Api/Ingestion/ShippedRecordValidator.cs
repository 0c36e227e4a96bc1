using LogGuard.Api.Detection;

namespace LogGuard.Api.Ingestion;

/// <summary>The limits of <c>/detect</c>, applied to records; errors are keyed by the record's position, <c>[i]</c>.</summary>
internal static class ShippedRecordValidator
{
    /// <returns>The cleaned lines, or the errors by record.</returns>
    public static (string[]? Lines, Dictionary<string, string[]>? Errors) Validate(
        IReadOnlyList<ShippedRecord> records, DetectionOptions limits, IngestionOptions ingestion)
    {
        if (records.Count == 0 || records.Count > limits.MaxLinesPerRequest)
        {
            return (null, new() { ["$"] = [$"the body must hold 1 to {limits.MaxLinesPerRequest} records, got {records.Count}"] });
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var lines = new string[records.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var problem = records[i].Line is null
                ? $"neither LogGuard's own request (a 'lines' array) nor a string or a record with one of the message fields ({string.Join(", ", ingestion.MessageFields)})"
                : DetectRequestValidator.CheckLine(records[i].Line, limits, out lines[i]);
            if (problem is not null)
            {
                errors[$"[{i}]"] = [problem];
            }
        }

        return errors.Count == 0 ? (lines, null) : (null, errors);
    }
}
