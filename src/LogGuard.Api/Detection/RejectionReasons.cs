namespace LogGuard.Api.Detection;

/// <summary>Why a request to /detect was refused; counted per minute in request_rejections.</summary>
public static class RejectionReasons
{
    public const string Validation = "validation";
    public const string MalformedJson = "malformed_json";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string BodyTooLarge = "body_too_large";
    public const string AuditUnavailable = "audit_unavailable";
    public const string RateLimited = "rate_limited";
}
