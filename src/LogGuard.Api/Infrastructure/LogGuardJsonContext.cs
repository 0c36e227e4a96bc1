using System.Text.Json.Serialization;
using LogGuard.Api.Detection;

namespace LogGuard.Api.Infrastructure;

/// <summary>Source-generated serializers for the hot path: no reflection per request.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DetectRequest))]
[JsonSerializable(typeof(DetectResponse))]
[JsonSerializable(typeof(InputSummary))]
[JsonSerializable(typeof(LogGuard.Api.Ingestion.OtlpExportResponse))]
internal sealed partial class LogGuardJsonContext : JsonSerializerContext;
