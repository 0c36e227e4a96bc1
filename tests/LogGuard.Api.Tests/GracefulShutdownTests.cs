using System.Net;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Tests;

/// <summary>
/// The real service process, stopped with SIGTERM or killed with SIGKILL while requests are in flight: every id it
/// returned is stored, on each provider.
/// </summary>
public sealed class GracefulShutdownTests
{
    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Sigterm_WithRequestsInFlight_EveryReturnedIdIsStored(string provider)
    {
        using var database = TestDatabase.Create(provider);
        using var service = await RunningService.StartAsync(database.Environment);

        var requests = Enumerable.Range(0, 40).Select(i => SendAsync(service.Client, Enumerable.Range(0, 100).Select(j => $"request {i} line {j} INFO all fine"))).ToList();
        await Task.Delay(50);
        await service.SignalAsync("TERM");

        var outcomes = await Task.WhenAll(requests);
        await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        outcomes.Should().OnlyContain(outcome => outcome.Status == HttpStatusCode.OK || outcome.Status == HttpStatusCode.ServiceUnavailable || outcome.Status == null);
        var returned = outcomes.SelectMany(outcome => outcome.Ids).ToList();
        returned.Should().NotBeEmpty().And.OnlyContain(id => StoredIds(database).Contains(id), "an id is returned only once its row is committed");
        service.ExitCode.Should().Be(0);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Sigkill_UnderLoad_LosesNoAcknowledgedVerdict(string provider)
    {
        using var database = TestDatabase.Create(provider);
        using var service = await RunningService.StartAsync(database.Environment);
        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var requests = Enumerable.Range(0, 200).Select(async i =>
        {
            var outcome = await SendAsync(service.Client, Enumerable.Range(0, 20).Select(j => $"request {i} line {j} sshd[1]: Failed password for root"));
            if (outcome.Ids.Count > 0)
            {
                acknowledged.TrySetResult();
            }

            return outcome;
        }).ToList();
        await acknowledged.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await service.SignalAsync("KILL");

        var outcomes = await Task.WhenAll(requests);
        await service.WaitForExitAsync(TimeSpan.FromSeconds(30));

        var returned = outcomes.SelectMany(outcome => outcome.Ids).ToList();
        returned.Should().NotBeEmpty();
        var stored = StoredIds(database);
        returned.Should().OnlyContain(id => stored.Contains(id), "a verdict is acknowledged only after its commit, and a commit survives the process");
    }

    private static HashSet<long> StoredIds(TestDatabase database)
    {
        using var db = database.OpenContext();
        return [.. db.PredictionLogs.Select(row => row.Id)];
    }

    private static async Task<(HttpStatusCode? Status, List<long> Ids)> SendAsync(HttpClient client, IEnumerable<string> lines)
    {
        try
        {
            var response = await client.PostLinesAsync(lines);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (response.StatusCode, []);
            }

            var body = await response.JsonAsync();
            return (response.StatusCode, [.. body["results"]!.AsArray().Select(result => result!["id"]!.GetValue<long>())]);
        }
        catch (HttpRequestException)
        {
            return (null, []); // refused, or cut off when the process died: nothing was acknowledged
        }
        catch (TaskCanceledException)
        {
            return (null, []);
        }
    }
}
