using System.CommandLine;
using BenchmarkDotNet.Running;
using LogGuard.Benchmarks;

// dotnet run -c Release --project bench/LogGuard.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/LogGuard.Benchmarks -- monitor-scale --provider Postgres --connection "..." --rows 100000,1000000,10000000
if (args.FirstOrDefault() != "monitor-scale")
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}

var provider = new Option<string>("--provider") { Description = "Sqlite or Postgres.", Required = true };
var connection = new Option<string>("--connection") { Description = "Connection string of an empty database.", Required = true };
var rows = new Option<string>("--rows") { Description = "Table sizes to measure at, comma-separated.", DefaultValueFactory = _ => "100000,1000000,10000000" };
var scale = new RootCommand("Time one monitor window summary as the audit table grows.") { provider, connection, rows };
scale.SetAction(parsed => MonitorScale.RunAsync(
    parsed.GetValue(provider)!, parsed.GetValue(connection)!, [.. parsed.GetValue(rows)!.Split(',').Select(long.Parse)]));
return await scale.Parse(args[1..]).InvokeAsync();
