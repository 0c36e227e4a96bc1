using System.ComponentModel.DataAnnotations;

namespace LogGuard.Api.Ingestion;

/// <summary>How records from log shippers and OpenTelemetry become lines (section <c>Ingestion</c>).</summary>
public sealed class IngestionOptions : IValidatableObject
{
    public const string SectionName = "Ingestion";

    /// <summary>A record's line is the first of these fields it has (Fluent Bit: log; Vector: message; journald: MESSAGE).</summary>
    public IList<string> MessageFields { get; set; } = ["log", "message", "msg", "MESSAGE", "body"];

    /// <summary>
    /// A record field whose value becomes the row's source (for example <c>service</c> or <c>kubernetes.container_name</c>
    /// flattened by the shipper); empty takes the source from <c>?source=</c> only. Characters outside [A-Za-z0-9._-]
    /// become '_'.
    /// </summary>
    public string? SourceField { get; set; }

    /// <summary>Other fields of a record kept in the audit row's summary, masked like the line; the rest are dropped.</summary>
    [Range(0, 256)]
    public int MaxFieldsPerRecord { get; set; } = 16;

    /// <summary>A kept field's name and value are each cut to this many characters.</summary>
    [Range(1, 8192)]
    public int MaxFieldLength { get; set; } = 256;

    /// <summary>A repeated <c>Idempotency-Key</c> gets the first answer again within this many minutes.</summary>
    [Range(1, 7 * 24 * 60)]
    public int IdempotencyWindowMinutes { get; set; } = 60;

    /// <summary>
    /// A request with a key that has not finished after this many seconds is taken for lost (its instance stopped),
    /// and a retry runs it again.
    /// </summary>
    [Range(1, 3600)]
    public int IdempotencyLeaseSeconds { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MessageFields.Count == 0 || MessageFields.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("MessageFields must name at least one field, and no empty one.", [nameof(MessageFields)]);
        }
    }
}
