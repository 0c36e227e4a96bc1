using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LogGuard.Api.Tests.Infrastructure;

/// <summary>
/// The built service started as its own process on a free loopback port, the way an operator runs it, for tests
/// that signal or kill it. Killed, if still running, when disposed.
/// </summary>
public sealed class RunningService : IDisposable
{
    private readonly Process _process;

    private RunningService(Process process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public int ExitCode => _process.ExitCode;

    public int ProcessId => _process.Id;

    public static async Task<RunningService> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "LogGuard.Api.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["LogGuard__Monitoring__Enabled"] = "false";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var service = new RunningService(process, port);
        await service.WaitUntilReadyAsync();
        return service;
    }

    /// <summary>Sends a signal as an operator (or an orchestrator) would: TERM to stop, KILL to crash.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    public Task WaitForExitAsync(TimeSpan limit) => _process.WaitForExitAsync().WaitAsync(limit);

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await Client.GetAsync("/health/ready")).IsSuccessStatusCode)
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
