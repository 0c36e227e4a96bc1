using System.Diagnostics;
using System.Text;

namespace LogGuard.Api.Tests.Infrastructure;

/// <summary>Runs the built service as its own process, the way an operator starts it, and collects what it prints.</summary>
public static class ServiceProcess
{
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IDictionary<string, string> environment, TimeSpan limit)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "LogGuard.Api.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__LogGuard"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"logguard-proc-{Guid.NewGuid():N}.db")}";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The service did not exit within {limit}.");
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }
}
