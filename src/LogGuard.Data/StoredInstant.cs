namespace LogGuard.Data;

/// <summary>
/// Instants as the audit store keeps them: UTC, to the whole microsecond. That is PostgreSQL's resolution, and
/// SQLite is held to it too, so both providers agree on every window edge: a window that starts one step after
/// the baseline ends takes none of the baseline's rows on either.
/// </summary>
public static class StoredInstant
{
    /// <summary>The smallest step between two stored instants.</summary>
    public static readonly TimeSpan Resolution = TimeSpan.FromMicroseconds(1);

    public static DateTime Of(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
    }
}
