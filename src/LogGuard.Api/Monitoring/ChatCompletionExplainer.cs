using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogGuard.Core.Monitoring.Explanations;
using LogGuard.Data.Monitoring;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Monitoring;

/// <summary>
/// Asks an OpenAI-compatible chat endpoint to explain an incident from its stored evidence. Optional;
/// bounded by a strict timeout; its answer is only text, so it can never change the state.
/// </summary>
public sealed class ChatCompletionExplainer(HttpClient http, IOptions<ExplainerOptions> options) : IIncidentExplainer
{
    public string Name => "chat:" + options.Value.Model;

    public async Task<Explanation> ExplainAsync(IncidentEvidence evidence, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = JsonContent.Create(new
            {
                model = settings.Model,
                temperature = 0,
                messages = new object[]
                {
                    new { role = "system", content = "You explain monitoring incidents of a log-screening service to its operators. Answer with two sections: 'Summary:' (plain English, at most 5 sentences) and 'Recommendations:' (a short bulleted list). Use only the evidence given." },
                    new { role = "user", content = JsonSerializer.Serialize(evidence, MonitorJson.Options) },
                },
            }),
        };
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }

        using var response = await http.SendAsync(request, timeout.Token);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonNode>(timeout.Token);
        var text = body?["choices"]?[0]?["message"]?["content"]?.GetValue<string>() ?? throw new InvalidDataException("The chat endpoint answered without a message.");
        var split = text.IndexOf("Recommendations:", StringComparison.OrdinalIgnoreCase);
        return split < 0
            ? new Explanation(text.Trim(), "")
            : new Explanation(text[..split].Replace("Summary:", "", StringComparison.OrdinalIgnoreCase).Trim(), text[(split + "Recommendations:".Length)..].Trim());
    }
}
