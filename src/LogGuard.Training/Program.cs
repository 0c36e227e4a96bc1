using System.CommandLine;
using LogGuard.Core.Detection.Model;
using LogGuard.Training;
using LogGuard.Training.Evaluation;
using Spectre.Console;

var data = new Option<string>("--data") { Description = "The data folder the corpus is built from.", DefaultValueFactory = _ => "data" };
var models = new Option<string>("--models") { Description = "The models folder: models, rules and vocabulary.", DefaultValueFactory = _ => "models" };
var seed = new Option<int>("--seed") { Description = "Seed of the split and the trainers.", DefaultValueFactory = _ => 42 };
var kinds = new Option<IReadOnlyList<ModelKind>>("--kinds")
{
    Description = "The models to train, comma-separated.",
    DefaultValueFactory = _ => [ModelKind.Sdca, ModelKind.FastTree],
    CustomParser = ParseKinds,
};
var kind = new Option<ModelKind>("--kind") { Description = "The model that explains.", DefaultValueFactory = _ => ModelKind.Sdca };

var input = new Option<string>("--input") { Description = "Labelled lines: TSV 'label<TAB>line', or CSV with a header.", Required = true };
var output = new Option<string>("--out") { Description = "The folder the report is written to.", Required = true };
var model = new Option<string?>("--model") { Description = "A model file to evaluate in place of the shipped SDCA model." };
var textColumn = new Option<string?>("--text-column") { Description = "CSV: the column holding the log line (default 'line')." };
var labelColumn = new Option<string?>("--label-column") { Description = "CSV: the column holding the label (default 'label')." };
var minimumSlice = new Option<int>("--min-slice") { Description = "Smallest slice tested for a hotspot.", DefaultValueFactory = _ => new LogGuard.Core.Evaluation.SliceOptions().MinimumSize };

var explain = new Command("explain", "Read lines from standard input and print each verdict with its evidence.") { models, kind };
explain.SetAction(parsed => UserErrors.Run(() =>
{
    ExplainCommand.Run(parsed.GetValue(models)!, parsed.GetValue(kind));
    return 0;
}));

var evaluate = new Command("evaluate", "Compare the rules, the models and the hybrid decision on a labelled file, and show where each fails.")
{
    input, output, models, model, textColumn, labelColumn, minimumSlice,
};
evaluate.SetAction(parsed => UserErrors.Run(() => EvaluateCommand.Run(
    new EvaluateSettings(
        parsed.GetValue(input)!,
        parsed.GetValue(output)!,
        parsed.GetValue(models)!,
        parsed.GetValue(model),
        parsed.GetValue(textColumn),
        parsed.GetValue(labelColumn),
        parsed.GetValue(minimumSlice)),
    AnsiConsole.Console)));

var families = new Option<string?>("--families")
{
    Description = "Only these families, comma-separated; a name ending in '/' or '-' takes every family it begins (e.g. 'payloads/'); the report names the families not run.",
};
var answers = new Option<string>("--answers")
{
    Description = "Where each family's model answers are recorded, for --replay.",
    DefaultValueFactory = _ => Path.Combine("obj", "never-seen-answers"),
};
var replay = new Option<bool>("--replay")
{
    Description = "Re-score the rules and the hybrid decision against the answers of the last run, without training: seconds instead of an hour.",
};
var neverSeen = new Command("never-seen", "Leave each family of lines out of training in turn, and score it: the figures for logs never seen.") { data, models, seed, families, answers, replay };
neverSeen.SetAction(parsed => UserErrors.Run(() =>
{
    var dataDirectory = parsed.GetValue(data)!;
    var modelsDirectory = parsed.GetValue(models)!;
    var corpus = LogGuard.Training.Corpus.CorpusBuilder.Build(dataDirectory, parsed.GetValue(seed));
    var rules = LogGuard.Core.Detection.Rules.RuleSetLoader.LoadFile(ModelFiles.RulesPath(modelsDirectory), new LogGuard.Core.Detection.Rules.RuleOptions());
    var selection = FamilySelection.Parse(parsed.GetValue(families));
    var included = NeverSeenEvaluation.Families(corpus).Count(selection.Includes);
    IReadOnlyList<NeverSeenResult> results = [];
    try
    {
        AnsiConsole.Progress().Start(progress =>
        {
            var task = progress.AddTask(parsed.GetValue(replay) ? "Re-scoring the recorded answers" : "Leaving each family out of training", maxValue: included);
            results = NeverSeenEvaluation.Run(
                corpus, rules, new LogGuard.Core.Detection.Hybrid.HybridOptions(), parsed.GetValue(seed),
                line =>
                {
                    AnsiConsole.WriteLine(line);
                    task.Increment(1);
                },
                selection.Includes, parsed.GetValue(answers), parsed.GetValue(replay));
        });
    }
    catch (InvalidOperationException exception) when (parsed.GetValue(replay))
    {
        Console.Error.WriteLine(exception.Message);
        return 1;
    }

    var notRun = NeverSeenEvaluation.Families(corpus).Where(family => !selection.Includes(family)).ToList();
    NeverSeenReportWriter.Write(results, notRun, NeverSeenEvaluation.TooSmall(corpus), modelsDirectory);
    var table = new Table().AddColumns(NeverSeenReportWriter.ByKindColumns);
    foreach (var row in NeverSeenReportWriter.ByKind(results))
    {
        table.AddRow(row);
    }

    AnsiConsole.Write(table);
    AnsiConsole.MarkupLineInterpolated($"Every family, with intervals: [bold]{Path.GetFullPath(Path.Combine(modelsDirectory, "evaluation-never-seen.md"))}[/]");
    return 0;
}));

var register = new Command("register", "Register the models folder's model files in its registry.json, each with its accuracy on the golden set.") { models };
register.SetAction(parsed => UserErrors.Run(() =>
{
    foreach (var entry in RegistryWriter.Write(parsed.GetValue(models)!).Models)
    {
        Console.WriteLine($"{entry.Version}: {entry.Status}, golden-set accuracy {entry.GoldenAccuracy:0.000}");
    }

    return 0;
}));

var live = new Option<string>("--live") { Description = "People's labelled live lines: the TSV that GET /admin/feedback/export gives.", Required = true };
var retrain = new Command("retrain", "Train a candidate on the data folder plus labelled live lines, weigh it against the active model with the promotion gate, and register it as a challenger.")
{
    data, models, seed, live,
};
retrain.SetAction(parsed => UserErrors.Run(() =>
{
    try
    {
        RetrainCommand.Run(parsed.GetValue(data)!, parsed.GetValue(models)!, parsed.GetValue(live)!, parsed.GetValue(seed), Console.WriteLine);
        return 0;
    }
    catch (InvalidOperationException exception)
    {
        // Retraining refuses a models folder without a registry or an active model to weigh the candidate against.
        Console.Error.WriteLine(exception.Message);
        return UserErrors.ExitCode;
    }
}));

var version = new Option<string>("--model-version") { Description = "The registered model version to promote.", Required = true };
var promote = new Command("promote", "Promote a registered model in registry.json, through the service's gate: the canary and the held-out figures.") { models, version };
promote.SetAction(parsed =>
{
    try
    {
        return PromoteCommand.Run(parsed.GetValue(models)!, parsed.GetValue(version)!, Console.WriteLine).Accepted ? 0 : 1;
    }
    catch (InvalidOperationException exception)
    {
        Console.Error.WriteLine(exception.Message);
        return 2;
    }
});

var train = new RootCommand("Build the corpus from the data folder, train the models, evaluate them and write them to the models folder.")
{
    data, models, seed, kinds, explain, evaluate, neverSeen, register, retrain, promote,
};
train.SetAction(parsed => UserErrors.Run(() =>
{
    var dataDirectory = parsed.GetValue(data)!;
    if (!Directory.Exists(Path.Combine(dataDirectory, "loghub")))
    {
        Console.Error.WriteLine($"No data at '{Path.GetFullPath(dataDirectory)}': run from the repository root or pass --data.");
        return UserErrors.ExitCode;
    }

    var modelsDirectory = parsed.GetValue(models)!;
    if (!File.Exists(ModelFiles.RulesPath(modelsDirectory)))
    {
        // Training evaluates the hybrid decision with the rules beside the models; checked before the corpus is built,
        // so that a wrong folder fails at once rather than after it.
        Console.Error.WriteLine($"No rules file at '{Path.GetFullPath(ModelFiles.RulesPath(modelsDirectory))}': copy models/rules.json into the models folder, or pass --models models.");
        return UserErrors.ExitCode;
    }

    TrainingRun.Run(dataDirectory, modelsDirectory, parsed.GetValue(seed), [.. parsed.GetValue(kinds)!], AnsiConsole.Console);
    return 0;
}));

return train.Parse(args).Invoke();

// "sdca,fasttree": an unknown name is a parse error, reported with the usage like any other.
static IReadOnlyList<ModelKind> ParseKinds(System.CommandLine.Parsing.ArgumentResult result)
{
    var kinds = new List<ModelKind>();
    foreach (var name in result.Tokens.SelectMany(token => token.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
    {
        if (!Enum.TryParse<ModelKind>(name, ignoreCase: true, out var kind))
        {
            result.AddError($"--kinds takes {string.Join(" and ", Enum.GetNames<ModelKind>().Select(known => known.ToLowerInvariant()))}, comma-separated; not '{name}'.");
            return [];
        }

        kinds.Add(kind);
    }

    if (kinds.Count == 0)
    {
        result.AddError("--kinds names no model.");
    }

    return kinds;
}
