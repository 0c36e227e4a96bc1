using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/LogGuard.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
