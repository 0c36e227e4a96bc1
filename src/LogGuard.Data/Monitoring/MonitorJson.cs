using System.Text.Json;
using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.Signals;
using LogGuard.Core.Monitoring.StateMachine;

namespace LogGuard.Data.Monitoring;

/// <summary>How the monitor's aggregates are stored as JSON columns.</summary>
public static class MonitorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static TrafficSummary ReadSummary(string json) => JsonSerializer.Deserialize<TrafficSummary>(json, Options)!;

    public static IReadOnlyList<SignalResult> ReadSignals(string json) => JsonSerializer.Deserialize<List<SignalResult>>(json, Options) ?? [];

    public static MonitorMemory ReadMemory(string json, SystemState state, DateTimeOffset since) =>
        string.IsNullOrEmpty(json)
            ? MonitorMemory.Initial(since) with { State = state }
            : JsonSerializer.Deserialize<MonitorMemory>(json, Options)! with { State = state, Since = since };
}
