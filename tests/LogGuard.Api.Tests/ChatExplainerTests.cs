using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Testing.Databases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LogGuard.Api.Tests;

/// <summary>The optional explainer against a real OpenAI-compatible endpoint on loopback, with its URL, model and key from configuration.</summary>
public sealed class ChatExplainerTests
{
    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task ChatExplainer_Configured_WritesTheEndpointsAnswer(string provider)
    {
        string? authorization = null;
        JsonNode? request = null;
        await using var endpoint = await StartEndpointAsync(async http =>
        {
            authorization = http.Request.Headers.Authorization;
            request = await http.Request.ReadFromJsonAsync<JsonNode>();
            await http.Response.WriteAsJsonAsync(new
            {
                choices = new[] { new { message = new { role = "assistant", content = "Summary: The operator forced fallback for a drill.\nRecommendations:\n- Return to NORMAL when the drill ends." } } },
            });
        });
        using var factory = new LogGuardFactory(new Dictionary<string, string?>
        {
            ["LogGuard:Security:AdminApiKey"] = "key",
            ["LogGuard:Explainer:Endpoint"] = endpoint.Url + "/v1",
            ["LogGuard:Explainer:Model"] = "test-model",
            ["LogGuard:Explainer:ApiKey"] = "secret-token",
        }, provider);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "key");

        (await client.PostAsJsonAsync("/admin/state", new { state = "DEGRADED", reason = "drill" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var incidentId = (await (await client.GetAsync("/state")).JsonAsync())["openIncidentId"]!.GetValue<long>();
        var explanation = await WaitForExplanationAsync(client, incidentId);

        explanation["explainer"]!.GetValue<string>().Should().Be("chat:test-model");
        explanation["summary"]!.GetValue<string>().Should().Be("The operator forced fallback for a drill.");
        explanation["recommendations"]!.GetValue<string>().Should().Contain("Return to NORMAL");
        authorization.Should().Be("Bearer secret-token");
        request!["model"]!.GetValue<string>().Should().Be("test-model");
        request["messages"]![1]!["content"]!.GetValue<string>().Should().Contain("drill", "the evidence is sent, and only the evidence");
    }

    private static async Task<JsonNode> WaitForExplanationAsync(HttpClient client, long incidentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var explanations = (await (await client.GetAsync($"/incidents/{incidentId}")).JsonAsync())["explanations"]!.AsArray();
            if (explanations.Count > 0)
            {
                return explanations[0]!;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No explanation was written.");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<RunningEndpoint> StartEndpointAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningEndpoint(app, address);
    }

    private sealed record RunningEndpoint(WebApplication App, string Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
