namespace LogGuard.Api.Security;

/// <summary>Headers that keep browsers from sniffing, framing or leaking what the service answers.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // The dashboard loads only its own files; Swagger UI's page carries inline script, so it keeps its own rules.
    private const string ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        // Set as the answer starts, so that error answers, whose headers the exception handler resets, carry them too.
        http.Response.OnStarting(() =>
        {
            AddTo(http);
            return Task.CompletedTask;
        });
        return next(http);
    }

    private static void AddTo(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!http.Request.Path.StartsWithSegments("/swagger"))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
    }
}
