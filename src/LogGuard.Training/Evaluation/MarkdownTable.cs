using System.Globalization;
using System.Text;
using LogGuard.Core.Evaluation;

namespace LogGuard.Training.Evaluation;

/// <summary>Small helpers shared by the Markdown reports: table rows, numbers and rates with their intervals.</summary>
internal static class MarkdownTable
{
    public static void Row(StringBuilder md, params object?[] cells) =>
        md.Append("| ").Append(string.Join(" | ", cells.Select(cell => Convert.ToString(cell, CultureInfo.InvariantCulture)))).Append(" |\n");

    public static void Header(StringBuilder md, params string[] columns)
    {
        Row(md, columns);
        md.Append('|').Append(string.Concat(columns.Select(_ => "---|"))).Append('\n');
    }

    public static string Number(double value) => double.IsNaN(value) ? "–" : value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Number(double? value) => value is { } v ? Number(v) : "–";

    /// <summary>A p-value short enough for a table; below double precision's reach it is shown as a bound.</summary>
    public static string PValue(double? p) => p switch
    {
        null => "–",
        < 1e-15 => "< 1e-15",
        < 0.001 => p.Value.ToString("0.0e+0", CultureInfo.InvariantCulture),
        _ => p.Value.ToString("0.000", CultureInfo.InvariantCulture),
    };

    /// <summary>A rate as a percentage with its 95% Wilson interval, or a dash when there was nothing to count.</summary>
    public static string Rate(Proportion rate) => rate.Total == 0
        ? "–"
        : string.Create(CultureInfo.InvariantCulture, $"{rate.Rate:0.0%} ({rate.Low:0.0%}–{rate.High:0.0%}, {rate.Count}/{rate.Total})");

    /// <summary>A log line inside a table cell: shortened, and with the characters that would break the table escaped.</summary>
    public static string Line(string text, int maxLength = 160)
    {
        var shortened = text.Length <= maxLength ? text : text[..maxLength] + "…";
        return "`" + shortened.Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "`";
    }
}
