using System.Globalization;
using CsvHelper;
using LogGuard.Training.Evaluation;
using Spectre.Console;

namespace LogGuard.Training.Tests;

/// <summary>
/// The evaluate command end to end, on a small labelled file with a planted weak slice: 60 lines of the site
/// "legacy" are labelled suspicious but read like routine traffic, so every detector misses them.
/// </summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Data", "labelled-sample.csv");

    private readonly string _output = Path.Combine(Path.GetTempPath(), "logguard-evaluate-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _terminal = new();

    [Fact]
    public void Evaluate_LabelledFile_WritesEveryOutput()
    {
        Run(Sample).Should().Be(0, _terminal.ToString());

        foreach (var name in new[] { "comparison.csv", "summary.md", "slices.md" })
        {
            new FileInfo(Path.Combine(_output, name)).Length.Should().BePositive(name);
        }

        var plots = Directory.GetFiles(_output, "*.png");
        plots.Select(Path.GetFileName).Should().Contain(["roc.png", "precision-recall.png", "reliability.png", "slices.png", "confusion-hybrid.png", "scores-model.png"]);
        plots.Should().OnlyContain(plot => File.ReadAllBytes(plot).Take(4).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
        _terminal.ToString().Should().Contain("hybrid");
    }

    [Fact]
    public void Evaluate_SummaryCounts_AreTheCountsOfTheComparisonRows()
    {
        Run(Sample).Should().Be(0, _terminal.ToString());

        var rows = ReadComparison();
        rows.Should().HaveCount(260, "one row per labelled line");
        var tp = rows.Count(row => row["true_label"] == "suspicious" && row["hybrid_label"] == "suspicious");
        var fp = rows.Count(row => row["true_label"] == "normal" && row["hybrid_label"] == "suspicious");
        var tn = rows.Count(row => row["true_label"] == "normal" && row["hybrid_label"] == "normal");
        var fn = rows.Count(row => row["true_label"] == "suspicious" && row["hybrid_label"] == "normal");
        var precision = Math.Round((double)tp / (tp + fp), 3).ToString("0.000", CultureInfo.InvariantCulture);
        var recall = Math.Round((double)tp / (tp + fn), 3).ToString("0.000", CultureInfo.InvariantCulture);

        var hybridRow = File.ReadLines(Path.Combine(_output, "summary.md")).First(line => line.StartsWith("| hybrid |", StringComparison.Ordinal));
        hybridRow.Should().Be($"| hybrid | 260 | {precision} | {recall} | {Cells(hybridRow)[4]} | {Cells(hybridRow)[5]} | {Cells(hybridRow)[6]} | {Cells(hybridRow)[7]} | {tp} | {fp} | {tn} | {fn} |");
        fn.Should().BeGreaterThanOrEqualTo(60, "the planted lines read as routine traffic");
        rows.Where(row => row["site"] == "legacy").Should().OnlyContain(row => row["hybrid_correct"] == "False");
    }

    [Fact]
    public void Evaluate_PlantedWeakSlice_IsReportedAsTheWorstHotspot()
    {
        Run(Sample).Should().Be(0, _terminal.ToString());

        var slices = File.ReadAllLines(Path.Combine(_output, "slices.md"));
        var hybridSection = slices.SkipWhile(line => !line.StartsWith("## hybrid:", StringComparison.Ordinal)).ToList();
        hybridSection.Should().NotBeEmpty();
        hybridSection.First(line => line.StartsWith("### ", StringComparison.Ordinal)).Should().Be("### site = legacy");
        hybridSection.Should().Contain(line => line.StartsWith("Error 100.0% (", StringComparison.Ordinal) && line.Contains("60/60", StringComparison.Ordinal));
        slices.Should().Contain(line => line.StartsWith("| site | shop |", StringComparison.Ordinal) && line.EndsWith("|  |", StringComparison.Ordinal), "the healthy site is no hotspot");
    }

    [Fact]
    public void Evaluate_UnknownLabel_NamesTheLineAndFailsWithoutOutput()
    {
        var input = Path.Combine(Path.GetTempPath(), "logguard-bad-" + Guid.NewGuid().ToString("N") + ".tsv");
        File.WriteAllText(input, "normal\tfirst line\nperhaps\tsecond line\n");
        try
        {
            Run(input).Should().Be(2);
            _terminal.ToString().Should().Contain(":2: unknown label 'perhaps'");
            Directory.Exists(_output).Should().BeFalse();
        }
        finally
        {
            File.Delete(input);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private int Run(string input)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_terminal),
            Interactive = InteractionSupport.No,
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 400;
        return EvaluateCommand.Run(new EvaluateSettings(input, _output, RepositoryPaths.Models, null, null, null, MinimumSliceSize: 30), console);
    }

    private List<Dictionary<string, string>> ReadComparison()
    {
        using var reader = new StreamReader(Path.Combine(_output, "comparison.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(csv.HeaderRecord!.ToDictionary(column => column, column => csv.GetField(column)!, StringComparer.Ordinal));
        }

        return rows;
    }

    private static string[] Cells(string row) => [.. row.Trim('|').Split('|').Select(cell => cell.Trim())];
}
