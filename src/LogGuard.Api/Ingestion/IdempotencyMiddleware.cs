using LogGuard.Api.Security;
using System.Security.Cryptography;
using LogGuard.Api.Detection;
using LogGuard.Data.Idempotency;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Ingestion;

/// <summary>
/// Shippers retry a request whose answer they did not get. With an <c>Idempotency-Key</c> header, the first request
/// with a key runs and its answer is kept; a retry within <c>Ingestion:IdempotencyWindowMinutes</c> gets that
/// answer again and stores nothing. An answer worth retrying (408, 429, 5xx) frees the key instead.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext http, IdempotencyStore store, IOptions<IngestionOptions> ingestion, IOptions<DetectionOptions> limits)
    {
        var keys = http.Request.Headers[HeaderName];
        if (keys.Count == 0 || http.GetEndpoint()?.Metadata.GetMetadata<IngestionEndpoint>() is null)
        {
            await next(http);
            return;
        }

        var key = keys.ToString();
        if (keys.Count > 1 || key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid Idempotency-Key",
                detail: $"The {HeaderName} header must be one value of 1 to {MaxKeyLength} visible ASCII characters.").ExecuteAsync(http);
            return;
        }

        var hash = await HashBodyAsync(http.Request, limits.Value.MaxBodyBytes, http.RequestAborted);
        if (hash is null)
        {
            await next(http); // too large: the endpoint refuses it, and nothing is kept
            return;
        }

        // One client's key never answers another's request.
        var scopedKey = $"{http.ClientName()}\n{http.Request.Path}\n{key}";
        var options = ingestion.Value;
        var (claim, stored) = await store.ClaimAsync(
            scopedKey, hash, TimeSpan.FromMinutes(options.IdempotencyWindowMinutes), TimeSpan.FromSeconds(options.IdempotencyLeaseSeconds), http.RequestAborted);
        switch (claim)
        {
            case IdempotencyClaim.Replay:
                http.Response.StatusCode = stored!.StatusCode!.Value;
                http.Response.ContentType = stored.ContentType;
                http.Response.Headers[ReplayedHeader] = "true";
                await http.Response.Body.WriteAsync(stored.ResponseBody ?? [], http.RequestAborted);
                return;
            case IdempotencyClaim.InProgress:
                http.Response.Headers.RetryAfter = "1";
                await Results.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Request in progress",
                    detail: $"A request with this {HeaderName} is still being answered; retry it shortly.").ExecuteAsync(http);
                return;
            case IdempotencyClaim.Mismatch:
                await Results.Problem(
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "Idempotency-Key reused",
                    detail: $"This {HeaderName} was used with a different body within the last {options.IdempotencyWindowMinutes} minutes.").ExecuteAsync(http);
                return;
        }

        await RunAndKeepAsync(http, store, scopedKey);
    }

    private async Task RunAndKeepAsync(HttpContext http, IdempotencyStore store, string scopedKey)
    {
        var client = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        var kept = false;
        try
        {
            await next(http);
            var status = http.Response.StatusCode;
            if (status < 500 && status is not (StatusCodes.Status408RequestTimeout or StatusCodes.Status429TooManyRequests))
            {
                // Kept even if the client has gone: its retry is exactly who needs this answer.
                await store.CompleteAsync(scopedKey, status, http.Response.ContentType, captured.ToArray(), CancellationToken.None);
                kept = true;
            }
        }
        finally
        {
            http.Response.Body = client;
            if (!kept)
            {
                await store.ReleaseAsync(scopedKey, CancellationToken.None);
            }
        }

        captured.Position = 0;
        await captured.CopyToAsync(client, http.RequestAborted);
    }

    /// <returns>The SHA-256 of the body, or null when it is larger than the limit; the body can be read again.</returns>
    private static async Task<string?> HashBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        var body = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
        request.Body.Position = 0;
        return body is null ? null : Convert.ToHexString(SHA256.HashData(body));
    }
}
