namespace LogGuard.Api.Infrastructure;

/// <summary>Section <c>Swagger</c>.</summary>
public sealed class SwaggerOptions
{
    public const string SectionName = "Swagger";

    /// <summary>Serve Swagger UI at <c>/swagger</c> and the OpenAPI document; on by default.</summary>
    public bool Enabled { get; set; } = true;
}
