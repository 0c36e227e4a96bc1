using System.Text.Json.Serialization;

namespace LogGuard.Core.Monitoring;

/// <summary>The states the service can be in; stored and reported by their upper-case names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SystemState>))]
public enum SystemState
{
    [JsonStringEnumMemberName("NORMAL")]
    Normal,

    [JsonStringEnumMemberName("WARNING")]
    Warning,

    /// <summary>The model may not decide: the rules do, while the model scores in shadow.</summary>
    [JsonStringEnumMemberName("DEGRADED")]
    Degraded,
}

public static class SystemStateNames
{
    public static string Name(this SystemState state) => state switch
    {
        SystemState.Normal => "NORMAL",
        SystemState.Warning => "WARNING",
        SystemState.Degraded => "DEGRADED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown state"),
    };

    public static bool TryParse(string? name, out SystemState state) =>
        Enum.TryParse(name, ignoreCase: true, out state) && Enum.IsDefined(state) && !int.TryParse(name, out _);

    public static SystemState Parse(string name) =>
        TryParse(name, out var state) ? state : throw new FormatException($"'{name}' is not a system state; known: NORMAL, WARNING, DEGRADED.");
}
