using System.ComponentModel.DataAnnotations;

namespace LogGuard.Api.Security;

/// <summary>Section <c>Security</c>.</summary>
public sealed class SecurityOptions : IValidatableObject
{
    public const string SectionName = "Security";

    /// <summary>The key admin routes require in <c>X-Api-Key</c>. Unset: the admin routes do not exist (404).</summary>
    [RegularExpression(@"^\S+$", ErrorMessage = "Security:AdminApiKey must not be empty or contain white space; leave it unset to switch the admin routes off.")]
    public string? AdminApiKey { get; set; }

    /// <summary>
    /// Keys of the clients that may send lines and read results, each by name and the SHA-256 of the key (hex):
    /// the keys themselves are never in the configuration. Empty: those routes are open to whoever can reach them.
    /// </summary>
    public IList<NamedApiKey> ApiKeys { get; set; } = [];

    /// <summary>Origins a browser may call the API from; empty: no cross-origin call is allowed.</summary>
    public IList<string> CorsOrigins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < ApiKeys.Count; i++)
        {
            var key = ApiKeys[i];
            if (string.IsNullOrEmpty(key.Name) || key.Name.Length > 64 || !key.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                yield return new ValidationResult($"Security:ApiKeys:{i}:Name must be 1 to 64 characters of [A-Za-z0-9._-].", [nameof(ApiKeys)]);
            }

            if (key.Sha256 is not { Length: 64 } || !key.Sha256.All(char.IsAsciiHexDigit))
            {
                yield return new ValidationResult($"Security:ApiKeys:{i}:Sha256 must be the 64 hex digits of the key's SHA-256 (printf '%s' \"$KEY\" | sha256sum).", [nameof(ApiKeys)]);
            }
        }

        if (ApiKeys.Select(key => key.Name).Distinct(StringComparer.Ordinal).Count() != ApiKeys.Count)
        {
            yield return new ValidationResult("Security:ApiKeys names must be unique: each audit row records which key sent it.", [nameof(ApiKeys)]);
        }
    }
}

/// <summary>A client's key: its name, recorded on what it sends, and the SHA-256 of the key.</summary>
public sealed class NamedApiKey
{
    public string Name { get; set; } = "";

    public string Sha256 { get; set; } = "";
}
