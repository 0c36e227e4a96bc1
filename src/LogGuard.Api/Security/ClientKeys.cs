using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Security;

/// <summary>Finds which configured client a presented key belongs to, comparing SHA-256 digests in constant time.</summary>
public sealed class ClientKeys(IOptions<SecurityOptions> options)
{
    /// <summary>The name recorded for requests made with the admin key, which is also accepted as a client key.</summary>
    public const string AdminName = "admin";

    private readonly (string Name, byte[] Digest)[] _keys =
        [.. options.Value.ApiKeys.Select(key => (key.Name, Convert.FromHexString(key.Sha256)))];

    private readonly byte[]? _adminDigest = options.Value.AdminApiKey is { Length: > 0 } admin ? SHA256.HashData(Encoding.UTF8.GetBytes(admin)) : null;

    public bool Required => _keys.Length > 0;

    /// <returns>The client's name, or null when the key is no configured one.</returns>
    public string? NameOf(string presented)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? name = null;

        // Every key is compared, found or not, so the time taken says nothing about which one matched.
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, key.Digest))
            {
                name = key.Name;
            }
        }

        if (_adminDigest is not null && CryptographicOperations.FixedTimeEquals(digest, _adminDigest))
        {
            name ??= AdminName;
        }

        return name;
    }

    /// <summary>The key a request presents: <c>X-Api-Key</c>, or else the token of <c>Authorization: Bearer</c>.</summary>
    public static string? Presented(HttpRequest request)
    {
        var header = request.Headers[AdminKeyFilter.HeaderName].ToString();
        if (header.Length > 0)
        {
            return header;
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
