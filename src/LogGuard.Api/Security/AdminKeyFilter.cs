using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Security;

/// <summary>
/// Admin routes need <c>X-Api-Key</c> equal to <c>Security:AdminApiKey</c>. Without a configured key they
/// answer 404, as if they did not exist: an unconfigured service offers no admin surface at all.
/// </summary>
internal sealed class AdminKeyFilter(IOptions<SecurityOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.AdminApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return TypedResults.NotFound();
        }

        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
        return matches
            ? await next(context)
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Admin key required", detail: $"Send the admin key in the {HeaderName} header.");
    }
}
