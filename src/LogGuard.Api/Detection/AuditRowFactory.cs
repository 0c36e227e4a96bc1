using System.Buffers;
using System.Text;
using System.Text.Json;
using LogGuard.Core.Detection;
using LogGuard.Core.Monitoring;
using LogGuard.Data.Entities;

namespace LogGuard.Api.Detection;

/// <summary>Turns an analysed line into its audit row. Only the masked line is kept, unless raw storage is switched on.</summary>
internal static class AuditRowFactory
{
    /// <param name="record">What a shipper sent with the line: its source, and fields kept beside the masked line.</param>
    public static PredictionLog Create(LineAnalysis analysis, string line, AuditContext context, Ingestion.ShippedRecord? record = null) => new()
    {
        Timestamp = context.Timestamp,
        RequestId = context.RequestId,
        Source = record?.Source ?? context.Source,
        ClientName = context.ClientName,
        ModelVersion = context.ModelVersion,
        RulesVersion = context.RulesVersion,
        SystemState = context.State.Name(),
        DecidedBy = DecisionNames.Of(analysis.Verdict.DecidedBy),
        FallbackUsed = analysis.Verdict.FallbackUsed,
        Label = analysis.Verdict.Label,
        Score = analysis.Verdict.Score,
        Confidence = analysis.Verdict.Confidence,
        ModelProbability = analysis.ModelProbability,
        RuleScore = analysis.Rules.Score,
        ChallengerVersion = analysis.ChallengerVersion,
        ChallengerProbability = analysis.ChallengerProbability,
        TriggeredRuleIds = string.Join(',', analysis.Rules.Triggered.Select(rule => rule.Id)),
        NeedsReview = analysis.Verdict.NeedsReview,
        LineLength = analysis.Length,
        TokenCount = analysis.TokenCount,
        OutOfVocabularyCount = analysis.OutOfVocabularyCount,
        Format = FormatNames.Of(analysis.Shape.Format),
        Level = analysis.Shape.Level,
        InputSummary = StoredJson.Serialize(new InputSummary(analysis.Masked.Text, analysis.Masked.MaskCounts, record?.Fields)),
        RawLine = context.StoreRawLines ? line : null,
    };
}

/// <summary>
/// The stored JSON is read by people and tools, never rendered in a page: characters such as &lt; and " stay
/// as they are instead of being escaped for HTML.
/// </summary>
/// <remarks>
/// The encoder is the writer's, not the serializer options': options with their own encoder lose the source-generated
/// fast path, and serializing every audit row through the general one allocated 4% of all the bytes /detect allocates.
/// </remarks>
internal static class StoredJson
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    public static string Serialize(InputSummary summary)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            JsonSerializer.Serialize(writer, summary, Infrastructure.LogGuardJsonContext.Default.InputSummary);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>
/// The sanitized snapshot stored as input_summary: the masked line, how many of each kind were masked, and the
/// masked fields a shipper sent with the line.
/// </summary>
internal sealed record InputSummary(
    string Masked,
    IReadOnlyDictionary<string, int> Masks,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyDictionary<string, string>? Fields = null);

/// <summary>What every row of one request shares.</summary>
internal sealed record AuditContext(
    DateTime Timestamp,
    string RequestId,
    string? Source,
    string? ClientName,
    string ModelVersion,
    string RulesVersion,
    SystemState State,
    bool StoreRawLines);
