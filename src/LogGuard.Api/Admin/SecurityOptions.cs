using System.ComponentModel.DataAnnotations;

namespace LogGuard.Api.Admin;

/// <summary>Section <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>The key admin routes require in <c>X-Api-Key</c>. Unset: the admin routes do not exist (404).</summary>
    [RegularExpression(@"^\S+$", ErrorMessage = "Security:AdminApiKey must not be empty or contain white space; leave it unset to switch the admin routes off.")]
    public string? AdminApiKey { get; set; }
}
