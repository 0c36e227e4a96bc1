using LogGuard.Training;

// Usage: dotnet run --project src/LogGuard.Training -- [--data data] [--models models] [--seed 42] [--kinds sdca,fasttree]
//        dotnet run --project src/LogGuard.Training -- explain [--kind sdca|fasttree] < lines.txt
var options = args.Select((value, index) => (value, index))
    .Where(pair => pair.value.StartsWith("--", StringComparison.Ordinal) && pair.index + 1 < args.Length)
    .ToDictionary(pair => pair.value[2..], pair => args[pair.index + 1], StringComparer.Ordinal);

var data = options.GetValueOrDefault("data", "data");
var models = options.GetValueOrDefault("models", "models");
var seed = int.Parse(options.GetValueOrDefault("seed", "42"), System.Globalization.CultureInfo.InvariantCulture);

if (!Directory.Exists(Path.Combine(data, "loghub")))
{
    Console.Error.WriteLine($"No data at '{Path.GetFullPath(data)}': run from the repository root or pass --data.");
    return 2;
}

if (args.Length > 0 && args[0] == "explain")
{
    ExplainCommand.Run(models, Enum.Parse<LogGuard.Core.Detection.Model.ModelKind>(options.GetValueOrDefault("kind", "Sdca"), ignoreCase: true));
    return 0;
}

var kinds = options.GetValueOrDefault("kinds", "sdca,fasttree").Split(',')
    .Select(kind => Enum.Parse<LogGuard.Core.Detection.Model.ModelKind>(kind, ignoreCase: true)).ToList();
TrainingRun.Run(data, models, seed, kinds);
return 0;
