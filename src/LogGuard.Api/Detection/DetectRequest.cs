namespace LogGuard.Api.Detection;

/// <summary>Log lines to screen.</summary>
public sealed class DetectRequest
{
    /// <summary>1 to Detection:MaxLinesPerRequest lines, each 1 to Detection:MaxLineLength characters (trailing CR/LF removed), no NUL.</summary>
    /// <example>["Dec 10 06:55:46 LabSZ sshd[24200]: Failed password for invalid user webmaster from 173.234.31.186 port 38926 ssh2", "10.0.0.5 - - [04/Mar/2026:10:01:02 +0000] \"GET /products?id=1%27%20OR%201%3D1-- HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"", "2026-03-04 10:01:02,123 INFO [main] c.e.orders.OrderService - Order 48213 created in 35ms"]</example>
    public IReadOnlyList<string?>? Lines { get; init; }

    /// <summary>Optional name of the sender, at most 64 characters of [A-Za-z0-9._-]; stored with each verdict.</summary>
    /// <example>web-frontend</example>
    public string? Source { get; init; }
}
