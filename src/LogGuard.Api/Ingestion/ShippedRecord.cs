namespace LogGuard.Api.Ingestion;

/// <summary>
/// One record as a shipper sent it: its line (null when it had none of the message fields), the source it names,
/// and the other fields kept beside the line, already masked.
/// </summary>
internal sealed record ShippedRecord(string? Line, string? Source = null, IReadOnlyDictionary<string, string>? Fields = null)
{
    public static ShippedRecord OfLine(string? line) => new(line);
}
