using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace LogGuard.Training.Evaluation;

/// <summary>One labelled line of the user's file; <see cref="Extra"/> holds its other columns, in <see cref="LabelledFile.ExtraColumns"/> order.</summary>
public sealed record LabelledInputLine(int LineNumber, string Text, bool Suspicious, IReadOnlyList<string> Extra);

/// <summary>A file of labelled log lines: TSV (<c>label&lt;TAB&gt;line</c>) or CSV with named text and label columns.</summary>
public sealed record LabelledFile(IReadOnlyList<string> ExtraColumns, IReadOnlyList<LabelledInputLine> Lines)
{
    private static readonly HashSet<string> SuspiciousLabels = new(StringComparer.OrdinalIgnoreCase) { "suspicious", "1", "true", "anomaly", "anomalous", "anom", "attack", "malicious", "alert" };
    private static readonly HashSet<string> NormalLabels = new(StringComparer.OrdinalIgnoreCase) { "normal", "0", "false", "benign", "norm", "-" };

    public static string AcceptedLabels => $"suspicious ({string.Join(", ", SuspiciousLabels.Order())}) or normal ({string.Join(", ", NormalLabels.Order())})";

    /// <summary>Each line is a label, a tab, and the log line, which may itself hold tabs. A first line labelled <c>label</c> is a header.</summary>
    public static LabelledFile ReadTsv(string path)
    {
        var lines = new List<LabelledInputLine>();
        var number = 0;
        foreach (var row in File.ReadLines(path))
        {
            number++;
            if (row.Length == 0 || (number == 1 && row.StartsWith("label\t", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var tab = row.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                throw new LabelledFileException($"{path}:{number}: expected 'label<TAB>line', found no tab.");
            }

            lines.Add(new LabelledInputLine(number, row[(tab + 1)..], ParseLabel(row[..tab], path, number), []));
        }

        return new LabelledFile([], lines);
    }

    /// <summary>A CSV file with a header row; every column but the text and the label becomes a slice dimension.</summary>
    public static LabelledFile ReadCsv(string path, string textColumn, string labelColumn)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = true });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            throw new LabelledFileException($"{path}: the CSV file has no header row.");
        }

        var header = csv.HeaderRecord;
        var textIndex = ColumnIndex(header, textColumn, "--text-column", path);
        var labelIndex = ColumnIndex(header, labelColumn, "--label-column", path);
        var extraIndexes = Enumerable.Range(0, header.Length).Where(i => i != textIndex && i != labelIndex).ToArray();
        var lines = new List<LabelledInputLine>();
        try
        {
            while (csv.Read())
            {
                var number = csv.Parser.Row;
                lines.Add(new LabelledInputLine(
                    number,
                    csv.GetField(textIndex) ?? string.Empty,
                    ParseLabel(csv.GetField(labelIndex) ?? string.Empty, path, number),
                    [.. extraIndexes.Select(i => csv.GetField(i) ?? string.Empty)]));
            }
        }
        catch (CsvHelperException exception)
        {
            throw new LabelledFileException($"{path}:{csv.Parser.Row}: {exception.Message.Split('\n')[0]}");
        }

        return new LabelledFile([.. extraIndexes.Select(i => header[i])], lines);
    }

    private static int ColumnIndex(string[] header, string name, string option, string path)
    {
        var index = Array.FindIndex(header, column => string.Equals(column, name, StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? index
            : throw new LabelledFileException($"{path}: no column '{name}' ({option}); the columns are: {string.Join(", ", header)}.");
    }

    private static bool ParseLabel(string value, string path, int number)
    {
        var label = value.Trim();
        if (SuspiciousLabels.Contains(label))
        {
            return true;
        }

        if (NormalLabels.Contains(label))
        {
            return false;
        }

        throw new LabelledFileException($"{path}:{number}: unknown label '{label}'; expected {AcceptedLabels}.");
    }
}

public sealed class LabelledFileException(string message) : Exception(message);
