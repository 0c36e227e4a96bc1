using System.ComponentModel.DataAnnotations;

namespace LogGuard.Api.Monitoring;

/// <summary>
/// Section <c>Explainer</c>: an optional OpenAI-compatible chat endpoint; without it the local template explainer
/// writes the text.
/// </summary>
public sealed class ExplainerOptions
{
    public const string SectionName = "Explainer";

    /// <summary>The API's base URL, e.g. <c>http://127.0.0.1:8000/v1</c> (requests go to its <c>/chat/completions</c>).</summary>
    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Sent as a bearer token; endpoints that need none accept any value.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long an explanation may take, from either explainer, before its text is given up; the decision never waits for it.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 10;

    public bool IsChatConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(Model);
}
