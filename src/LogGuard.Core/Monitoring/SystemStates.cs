namespace LogGuard.Core.Monitoring;

/// <summary>The states the service can be in, as stored and reported.</summary>
public static class SystemStates
{
    public const string Normal = "NORMAL";
    public const string Warning = "WARNING";

    /// <summary>The model may not decide: the rules do, while the model scores in shadow.</summary>
    public const string Degraded = "DEGRADED";
}
