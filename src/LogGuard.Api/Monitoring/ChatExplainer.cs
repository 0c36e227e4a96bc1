using System.Text.Json;
using LogGuard.Core.Monitoring.Explanations;
using LogGuard.Data.Monitoring;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Monitoring;

/// <summary>
/// Asks a chat model (any OpenAI-compatible endpoint, through <see cref="IChatClient"/>) to explain an incident
/// from its stored evidence. Optional; its answer is only text, so it can never change the state.
/// </summary>
public sealed class ChatExplainer(IChatClient chat, IOptions<ExplainerOptions> options) : IIncidentExplainer
{
    private const string Instructions =
        "You explain monitoring incidents of a log-screening service to its operators. Answer with two sections: "
        + "'Summary:' (plain English, at most 5 sentences) and 'Recommendations:' (a short bulleted list). Use only the evidence given.";

    public string Name => "chat:" + options.Value.Model;

    public async Task<Explanation> ExplainAsync(IncidentEvidence evidence, CancellationToken cancellationToken)
    {
        ChatMessage[] messages =
        [
            new(ChatRole.System, Instructions),
            new(ChatRole.User, JsonSerializer.Serialize(evidence, MonitorJson.Options)),
        ];
        var response = await chat.GetResponseAsync(messages, new ChatOptions { Temperature = 0 }, cancellationToken);
        var text = response.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidDataException("The chat endpoint answered without a message.");
        }

        var split = text.IndexOf("Recommendations:", StringComparison.OrdinalIgnoreCase);
        return split < 0
            ? new Explanation(text.Trim(), "")
            : new Explanation(text[..split].Replace("Summary:", "", StringComparison.OrdinalIgnoreCase).Trim(), text[(split + "Recommendations:".Length)..].Trim());
    }
}
