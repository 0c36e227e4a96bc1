using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LogGuard.Api.Tests.Infrastructure;

/// <summary>Posts to /detect as a client would, and reads the JSON back.</summary>
public static class DetectClient
{
    public static Task<HttpResponseMessage> PostLinesAsync(this HttpClient client, IEnumerable<string?> lines, string? source = null) =>
        client.PostAsJsonAsync("/detect", new { lines, source });

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string body, string contentType = "application/json") =>
        client.PostAsync("/detect", new StringContent(body, Encoding.UTF8, contentType));

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new JsonException("empty body");
}
