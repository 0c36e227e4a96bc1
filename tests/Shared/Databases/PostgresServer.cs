using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace LogGuard.Testing.Databases;

/// <summary>
/// A throwaway PostgreSQL cluster from the installed server binaries: a temporary folder, a free loopback port,
/// password authentication; started on first use by any test of the run and stopped and removed when the test
/// process exits. Never Docker. As root the server runs as the <c>postgres</c> user, since it refuses root.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string Password = "logguard-test";

    private static readonly Lazy<PostgresServer> Instance = new(() => Start(removeAtExit: true), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _binaries;
    private readonly string _folder;

    private PostgresServer(string binaries, string folder, int port)
    {
        _binaries = binaries;
        _folder = folder;
        Port = port;
    }

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? UnavailableReason { get; } = FindBinaries() is null
        ? "PostgreSQL server binaries (initdb, pg_ctl) not found: install them (Debian: apt-get install postgresql) to run the PostgreSQL tests."
        : null;

    public static PostgresServer Shared => Instance.Value;

    /// <summary>A cluster of the caller's own, for a test that stops the server; removed on dispose.</summary>
    public static PostgresServer StartNew() => Start(removeAtExit: false);

    public int Port { get; }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = "postgres",
        Password = Password,
    }.ConnectionString;

    /// <summary>A new empty database, its name unique to the caller.</summary>
    public string CreateDatabase()
    {
        var name = "logguard_test_" + Guid.NewGuid().ToString("N")[..16];
        Execute($"CREATE DATABASE {name}");
        return name;
    }

    public void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>Stops the server (an outage, as far as clients can tell) until <see cref="Resume"/>.</summary>
    public void Stop() => RunServerTool(Tool("pg_ctl"), "stop", "-D", DataFolder, "-m", "fast", "-w");

    public void Resume() => RunServerTool(Tool("pg_ctl"), "start", "-D", DataFolder, "-w", "-l", Path.Combine(_folder, "server.log"));

    private string DataFolder => Path.Combine(_folder, "data");

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static PostgresServer Start(bool removeAtExit)
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException(UnavailableReason);
        var folder = Path.Combine(Path.GetTempPath(), "logguard-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (IsRoot)
        {
            Run("chown", "postgres:postgres", folder);
        }

        var server = new PostgresServer(binaries, folder, FreeLoopbackPort());
        var passwordFile = Path.Combine(folder, "password");
        File.WriteAllText(passwordFile, Password);
        if (IsRoot)
        {
            Run("chown", "postgres:postgres", passwordFile);
        }

        RunServerTool(server.Tool("initdb"), "-D", server.DataFolder, "-U", "postgres", "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--no-instructions");
        File.AppendAllText(Path.Combine(server.DataFolder, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            port = {server.Port}
            unix_socket_directories = '{folder}'
            max_connections = 200
            # A test cluster: nothing here must survive a crash of the machine.
            fsync = off
            full_page_writes = off
            """);
        server.Resume();
        if (removeAtExit)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Remove();
        }

        return server;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        RunServerTool(Tool("pg_ctl"), "stop", "-D", DataFolder, "-m", "immediate", "-w");
        Directory.Delete(_folder, recursive: true);
    }

    // The test host may be ended moments after its exit handlers start, so the stop and the removal run in a shell
    // of their own that outlives it.
    private void Remove()
    {
        var stop = $"{(IsRoot ? "runuser -u postgres -- " : "")}'{Tool("pg_ctl")}' stop -D '{DataFolder}' -m immediate -w";
        var cleanup = new ProcessStartInfo("sh") { ArgumentList = { "-c", $"{stop} >/dev/null 2>&1; rm -rf '{_folder}'" } };
        Process.Start(cleanup)?.Dispose();
    }

    private string Tool(string name) => Path.Combine(_binaries, name);

    // The server's own tools run as the user that owns the cluster.
    private static void RunServerTool(string tool, params string[] arguments) => RunAs(IsRoot ? "postgres" : null, tool, arguments);

    private static void Run(string tool, params string[] arguments) => RunAs(null, tool, arguments);

    private static void RunAs(string? user, string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(user is null ? tool : "runuser") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (user is not null)
        {
            foreach (var argument in new[] { "-u", user, "--", tool })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(tool)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Debian keeps the server binaries out of PATH, under /usr/lib/postgresql/<version>/bin.
    private static string? FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(path => path, StringComparer.Ordinal).Select(path => Path.Combine(path, "bin"))
            : [];
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return candidates.Concat(onPath).FirstOrDefault(folder => IsProgram(Path.Combine(folder, "initdb")) && IsProgram(Path.Combine(folder, "pg_ctl")));
    }

    // A link left behind by an uninstalled server exists, but leads nowhere.
    private static bool IsProgram(string path)
    {
        var file = new FileInfo(path);
        return file.Exists && (file.ResolveLinkTarget(returnFinalTarget: true) is not { } target || target.Exists);
    }
}
