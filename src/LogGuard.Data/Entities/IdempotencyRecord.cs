namespace LogGuard.Data.Entities;

/// <summary>
/// The first answer to a request that carried an <c>Idempotency-Key</c>, kept so that a shipper's retry gets it
/// again instead of storing its lines twice. A row without a response is a request still in progress.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>The route and the caller's key, so that the same key on two routes means two requests.</summary>
    public required string Key { get; set; }

    /// <summary>SHA-256 of the request body, hex: the same key with another body is a client error.</summary>
    public required string RequestHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public byte[]? ResponseBody { get; set; }
}
