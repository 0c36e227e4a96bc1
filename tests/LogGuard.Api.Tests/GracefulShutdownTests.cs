using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LogGuard.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace LogGuard.Api.Tests;

/// <summary>The real service process, stopped with SIGTERM while requests are in flight: every id it returned is stored.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_WithRequestsInFlight_EveryReturnedIdIsStored()
    {
        var port = FreePort();
        var database = Path.Combine(Path.GetTempPath(), $"logguard-shutdown-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "LogGuard.Api.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["LogGuard__Database__ConnectionString"] = $"Data Source={database}";
        start.Environment["LogGuard__Monitoring__Enabled"] = "false";
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        await WaitUntilReadyAsync(client);

        var requests = Enumerable.Range(0, 40).Select(i => SendAsync(client, Enumerable.Range(0, 100).Select(j => $"request {i} line {j} INFO all fine"))).ToList();
        await Task.Delay(50);
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        var outcomes = await Task.WhenAll(requests);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var returned = outcomes.SelectMany(outcome => outcome.Ids).ToList();
        var stored = new HashSet<long>();
        using (var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM prediction_logs";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                stored.Add(reader.GetInt64(0));
            }
        }

        outcomes.Should().OnlyContain(outcome => outcome.Status == HttpStatusCode.OK || outcome.Status == HttpStatusCode.ServiceUnavailable || outcome.Status == null);
        returned.Should().NotBeEmpty().And.OnlyContain(id => stored.Contains(id), "an id is returned only once its row is committed");
        process.ExitCode.Should().Be(0);
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
            return (null, []); // refused after the server stopped listening: nothing was accepted
        }
    }

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The service did not become ready.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
