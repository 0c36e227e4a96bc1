using LogGuard.Api.Detection;
using System.Text.Json;
using LogGuard.Core.Detection.Masking;

namespace LogGuard.Api.Ingestion;

/// <summary>
/// Turns a record's named values, however the shipper framed them, into a <see cref="ShippedRecord"/>: the line from
/// the first message field present, the source from the configured field, and the other fields masked and capped.
/// </summary>
internal sealed class RecordBuilder(IngestionOptions options)
{
    public ShippedRecord FromJsonObject(JsonElement record) =>
        Build(record.EnumerateObject().Select(property => (property.Name, TextOf(property.Value))));

    /// <param name="values">Name and value of each field, in the order sent; a null value was JSON null.</param>
    /// <param name="source">The source the framing names, if any.</param>
    public ShippedRecord Build(IEnumerable<(string Name, string? Value)> values, string? source = null)
    {
        var all = values.ToList();
        foreach (var field in options.MessageFields)
        {
            var match = all.FindIndex(value => value.Name == field && value.Value is not null);
            if (match >= 0)
            {
                return WithLine(all[match].Value, all.Where((_, i) => i != match), source);
            }
        }

        return WithLine(null, all, source);
    }

    /// <param name="source">The source the framing names (OpenTelemetry's service.name); the configured field overrides it.</param>
    public ShippedRecord WithLine(string? line, IEnumerable<(string Name, string? Value)> others, string? source)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in others)
        {
            if (!string.IsNullOrEmpty(options.SourceField) && name == options.SourceField && value is { Length: > 0 })
            {
                source = value;
            }

            // Names are cut like values: a record's keys are as much the sender's choice as its values.
            var key = Cut(name);
            if (value is not null && fields.Count < options.MaxFieldsPerRecord && !fields.ContainsKey(key))
            {
                fields[key] = SecretMasker.MaskField(key, Cut(value));
            }
        }

        return new ShippedRecord(line, source is null ? null : SourceName(source), fields.Count == 0 ? null : fields);
    }

    private string Cut(string text) => text.Length > options.MaxFieldLength ? text[..options.MaxFieldLength] : text;

    // A source named by a record is a label from somebody else's configuration, not input to refuse.
    public static string SourceName(string value)
    {
        var cut = value.Length > DetectRequestValidator.MaxSourceLength ? value[..DetectRequestValidator.MaxSourceLength] : value;
        return string.Create(cut.Length, cut, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_' or '-' ? text[i] : '_';
            }
        });
    }

    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
