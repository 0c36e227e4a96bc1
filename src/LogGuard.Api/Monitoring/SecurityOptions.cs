namespace LogGuard.Api.Monitoring;

/// <summary>Section <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>The key admin routes require in <c>X-Api-Key</c>. Unset: the admin routes do not exist (404).</summary>
    public string? AdminApiKey { get; set; }
}
