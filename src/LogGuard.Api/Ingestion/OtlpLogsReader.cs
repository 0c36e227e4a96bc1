using System.Text;
using System.Text.Json;

namespace LogGuard.Api.Ingestion;

/// <summary>A log record of an OTLP request, and where it sits in it (for the rejection message).</summary>
internal sealed record OtlpRecord(string Path, ShippedRecord Record);

/// <summary>
/// Reads an OTLP/HTTP logs request in its JSON encoding (<c>resourceLogs[].scopeLogs[].logRecords[]</c>, lowerCamelCase
/// keys). Fields this reader does not know are ignored, as the protocol asks.
/// </summary>
internal static class OtlpLogsReader
{
    private const string ServiceName = "service.name";

    /// <exception cref="JsonException">The body is not JSON.</exception>
    public static List<OtlpRecord> Read(ReadOnlySpan<byte> body, RecordBuilder records)
    {
        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        var result = new List<OtlpRecord>();
        var resourceIndex = 0;
        foreach (var resourceLogs in ArrayOf(document.RootElement, "resourceLogs"))
        {
            var resource = resourceLogs.ValueKind == JsonValueKind.Object && resourceLogs.TryGetProperty("resource", out var value) ? Attributes(value) : [];
            var service = resource.FirstOrDefault(attribute => attribute.Name == ServiceName).Value;
            var scopeIndex = 0;
            foreach (var scopeLogs in ArrayOf(resourceLogs, "scopeLogs"))
            {
                var recordIndex = 0;
                foreach (var logRecord in ArrayOf(scopeLogs, "logRecords"))
                {
                    var path = $"resourceLogs[{resourceIndex}].scopeLogs[{scopeIndex}].logRecords[{recordIndex}]";
                    result.Add(new OtlpRecord(path, RecordOf(logRecord, resource, service, records)));
                    recordIndex++;
                }

                scopeIndex++;
            }

            resourceIndex++;
        }

        return result;
    }

    private static ShippedRecord RecordOf(JsonElement logRecord, List<(string Name, string? Value)> resource, string? service, RecordBuilder records)
    {
        if (logRecord.ValueKind != JsonValueKind.Object)
        {
            return ShippedRecord.OfLine(null);
        }

        var others = new List<(string Name, string? Value)>();
        if (logRecord.TryGetProperty("severityText", out var severity) && severity.ValueKind == JsonValueKind.String)
        {
            others.Add(("severity", severity.GetString()));
        }

        if (logRecord.TryGetProperty("timeUnixNano", out var time))
        {
            others.Add(("time", time.ValueKind == JsonValueKind.String ? time.GetString() : time.GetRawText()));
        }

        others.AddRange(Attributes(logRecord));
        others.AddRange(resource.Where(attribute => attribute.Name != ServiceName));

        if (!logRecord.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
        {
            return records.WithLine(null, others, service);
        }

        // A structured body is a record of its own: its message field is the line, or, without one, all of it is.
        if (body.TryGetProperty("kvlistValue", out var kvlist))
        {
            var pairs = KeyValues(kvlist);
            var structured = records.Build([.. pairs, .. others], service);
            return structured.Line is not null ? structured : records.WithLine(Flatten(pairs), others, service);
        }

        return records.WithLine(TextOf(body), others, service);
    }

    private static List<(string Name, string? Value)> Attributes(JsonElement owner) => KeyValues(owner, "attributes");

    private static List<(string Name, string? Value)> KeyValues(JsonElement owner, string property = "values") =>
        [.. ArrayOf(owner, property)
            .Where(pair => pair.ValueKind == JsonValueKind.Object && pair.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String)
            .Select(pair => (pair.GetProperty("key").GetString()!, pair.TryGetProperty("value", out var value) ? TextOf(value) : null))];

    /// <summary>The text of an OTLP AnyValue; null when it holds nothing.</summary>
    private static string? TextOf(JsonElement anyValue)
    {
        if (anyValue.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in anyValue.EnumerateObject())
        {
            switch (property.Name)
            {
                case "stringValue" or "bytesValue" when property.Value.ValueKind == JsonValueKind.String:
                    return property.Value.GetString();
                case "boolValue" or "intValue" or "doubleValue":
                    return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                case "kvlistValue":
                    return Flatten(KeyValues(property.Value));
                case "arrayValue":
                    return string.Join(' ', ArrayOf(property.Value, "values").Select(TextOf).Where(text => text is not null));
            }
        }

        return null;
    }

    private static string Flatten(List<(string Name, string? Value)> pairs)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            text.Append(text.Length == 0 ? "" : " ").Append(name).Append('=').Append(value);
        }

        return text.ToString();
    }

    private static IEnumerable<JsonElement> ArrayOf(JsonElement owner, string property) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : Enumerable.Empty<JsonElement>();
}
