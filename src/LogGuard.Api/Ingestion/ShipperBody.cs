using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace LogGuard.Api.Ingestion;

/// <summary>The framings of <c>POST /detect</c> bodies, named by content type and shape.</summary>
internal enum BodyFraming
{
    /// <summary>application/json: LogGuard's own <c>{"lines": [...]}</c>, an array of records, or one or more objects.</summary>
    Json,

    /// <summary>application/x-ndjson and kin: one JSON object per line (the last line may lack its newline).</summary>
    JsonLines,

    /// <summary>text/plain: one log line per line.</summary>
    Text,
}

/// <summary>Reads the bodies that Fluent Bit, Vector, Logstash and people send, into records in the order sent.</summary>
internal static class ShipperBody
{
    private static readonly string[] JsonLinesTypes = ["application/x-ndjson", "application/ndjson", "application/jsonlines", "application/x-jsonlines", "application/json-lines"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public const string AcceptedTypes = "application/json, application/x-ndjson or text/plain";

    public static BodyFraming? FramingOf(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType.Value is not { } mediaType)
        {
            return null;
        }

        if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return BodyFraming.Json;
        }

        if (JsonLinesTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return BodyFraming.JsonLines;
        }

        return mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase) ? BodyFraming.Text : null;
    }

    /// <summary>
    /// True when the body is LogGuard's own request: one object with a <c>lines</c> property. Only the first
    /// object's top level is read, so the common case costs one pass over bytes the deserializer reads anyway.
    /// </summary>
    public static bool IsLinesRequest(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("lines"u8))
                {
                    return true;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Whatever is wrong with the body, the deserializer of LogGuard's own shape names it best.
            return true;
        }

        return false;
    }

    /// <summary>Every top-level value, or the elements of a top-level array, as records.</summary>
    /// <exception cref="JsonException">The body is not JSON; the exception holds where.</exception>
    public static List<ShippedRecord> ReadJsonRecords(ReadOnlySpan<byte> body, RecordBuilder records)
    {
        var result = new List<ShippedRecord>();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowMultipleValues = true });
        var values = 0;
        while (reader.Read())
        {
            using var value = JsonDocument.ParseValue(ref reader);
            values++;
            if (value.RootElement.ValueKind == JsonValueKind.Array && values == 1)
            {
                result.AddRange(value.RootElement.EnumerateArray().Select(element => RecordOf(element, records)));
            }
            else
            {
                result.Add(RecordOf(value.RootElement, records));
            }
        }

        return values > 0 ? result : throw new JsonException("The body holds no JSON value.", "$", 0, 0);
    }

    /// <summary>One line per line of text; blank lines separate nothing and are skipped.</summary>
    /// <exception cref="DecoderFallbackException">The body is not UTF-8.</exception>
    public static List<ShippedRecord> ReadTextLines(byte[] body) =>
        [.. StrictUtf8.GetString(body).Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).Select(ShippedRecord.OfLine)];

    private static ShippedRecord RecordOf(JsonElement element, RecordBuilder records) => element.ValueKind switch
    {
        JsonValueKind.Object => records.FromJsonObject(element),
        JsonValueKind.String => ShippedRecord.OfLine(element.GetString()),
        _ => ShippedRecord.OfLine(null),
    };
}
