using LogGuard.Core.Detection;
using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Rules;
using LogGuard.Core.Evaluation;
using Spectre.Console;

namespace LogGuard.Training.Evaluation;

/// <param name="Model">A model file to evaluate in place of the shipped SDCA model.</param>
public sealed record EvaluateSettings(
    string Input,
    string Output,
    string Models,
    string? Model,
    string? TextColumn,
    string? LabelColumn,
    int MinimumSliceSize);

/// <summary>
/// Scores a labelled file with the rules, the active model, the challenger and the hybrid decision, exactly as
/// the service would, and writes the comparison, the summary, the failure slices and the plots.
/// </summary>
public static class EvaluateCommand
{
    public static int Run(EvaluateSettings settings, IAnsiConsole console)
    {
        LabelledFile file;
        try
        {
            file = IsCsv(settings)
                ? LabelledFile.ReadCsv(settings.Input, settings.TextColumn ?? "line", settings.LabelColumn ?? "label")
                : LabelledFile.ReadTsv(settings.Input);
        }
        catch (Exception exception) when (exception is LabelledFileException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]Cannot read the input:[/] {exception.Message}");
            return 2;
        }

        if (file.Lines.Count == 0)
        {
            console.MarkupLineInterpolated($"[red]No labelled lines in {settings.Input}.[/]");
            return 2;
        }

        var hybrid = new HybridOptions();
        var model = settings.Model is null
            ? MlNetModelScorer.Load(settings.Models, ModelKind.Sdca)
            : MlNetModelScorer.LoadFile(settings.Model, ModelFiles.VocabularyPath(settings.Models), Path.ChangeExtension(settings.Model, ".json"));
        if (!model.IsAvailable)
        {
            console.MarkupLineInterpolated($"[red]The model cannot be used:[/] {model.UnavailableReason}");
            return 2;
        }

        var detector = new Detector(RuleSetLoader.LoadFile(ModelFiles.RulesPath(settings.Models), new RuleOptions()), model, new HybridDecider(hybrid));
        var runner = new EvaluationRunner(detector, MlNetModelScorer.Load(settings.Models, ModelKind.FastTree));
        IReadOnlyList<EvaluatedLine> lines = [];
        console.Progress().Start(progress =>
        {
            var task = progress.AddTask($"Scoring {file.Lines.Count:N0} lines", maxValue: file.Lines.Count);
            lines = runner.Run(file.Lines, done => task.Value = done);
        });

        var sliceOptions = new SliceOptions { MinimumSize = settings.MinimumSliceSize };
        var report = EvaluationReport.Build(lines, file.ExtraColumns, hybrid, sliceOptions);
        Directory.CreateDirectory(settings.Output);
        ComparisonCsvWriter.Write(report, Path.Combine(settings.Output, "comparison.csv"));
        File.WriteAllText(Path.Combine(settings.Output, "summary.md"), SummaryWriter.Write(report, Path.GetFileName(settings.Input), hybrid));
        File.WriteAllText(Path.Combine(settings.Output, "slices.md"), SliceReportWriter.Write(report, sliceOptions));
        var plots = EvaluationPlots.Write(report, settings.Output);

        console.Write(SummaryTable(report));
        console.MarkupLineInterpolated($"Model {model.Version}. Wrote comparison.csv, summary.md, slices.md and {plots.Count} plots to [bold]{Path.GetFullPath(settings.Output)}[/].");
        return 0;
    }

    private static bool IsCsv(EvaluateSettings settings) =>
        settings.TextColumn is not null || settings.LabelColumn is not null
        || string.Equals(Path.GetExtension(settings.Input), ".csv", StringComparison.OrdinalIgnoreCase);

    private static Table SummaryTable(EvaluationReport report)
    {
        // Short headers keep the table whole in an 80-column terminal; summary.md spells each figure out.
        var table = new Table().AddColumns("detector", "lines", "precision", "recall", "F1", "FP rate", "AUC", "hotspots");
        foreach (var detector in report.Detectors)
        {
            var m = detector.Metrics;
            table.AddRow(
                detector.Name,
                m.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                MarkdownTable.Number(m.Precision),
                MarkdownTable.Number(m.Recall),
                MarkdownTable.Number(m.F1),
                MarkdownTable.Number(m.FalsePositiveRate),
                MarkdownTable.Number(m.Auc),
                detector.Slices.Count(slice => slice.IsHotspot).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return table;
    }
}
