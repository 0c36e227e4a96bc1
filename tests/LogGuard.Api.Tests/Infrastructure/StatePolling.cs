using System.Text.Json.Nodes;

namespace LogGuard.Api.Tests.Infrastructure;

/// <summary>Reads <c>/state</c> until a condition holds: the assertions are on what happens, not on how fast.</summary>
public static class StatePolling
{
    public static async Task<JsonNode> GetStateAsync(HttpClient client) => await (await client.GetAsync("/state")).JsonAsync();

    public static async Task<JsonNode> WaitForStateAsync(HttpClient client, Func<JsonNode, bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        JsonNode state;
        do
        {
            state = await GetStateAsync(client);
            if (condition(state))
            {
                return state;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException("Condition not reached; last state: " + state.ToJsonString());
    }
}
