using System.ComponentModel.DataAnnotations;

namespace LogGuard.Api.Security;

/// <summary>Requests each client may make (section <c>RateLimit</c>): per API key, or per address without keys.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimit";

    /// <summary>Requests a second, refilled continuously; 0 turns rate limiting off.</summary>
    [Range(0, 1_000_000)]
    public int RequestsPerSecond { get; set; } = 1000;

    /// <summary>Requests a client may make at once above its rate, after a quiet spell.</summary>
    [Range(1, 10_000_000)]
    public int Burst { get; set; } = 2000;
}
