using System.ComponentModel.DataAnnotations;

namespace LogGuard.Api.Monitoring;

/// <summary>Section <c>Explainer</c>: an optional OpenAI-compatible chat endpoint; without it the local template explainer writes the text.</summary>
public sealed class ExplainerOptions
{
    public const string SectionName = "Explainer";

    /// <summary>The chat completions URL, e.g. <c>http://127.0.0.1:8000/v1/chat/completions</c>.</summary>
    public Uri? Url { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 8;

    public bool IsChatConfigured => Url is not null && !string.IsNullOrWhiteSpace(Model);
}
