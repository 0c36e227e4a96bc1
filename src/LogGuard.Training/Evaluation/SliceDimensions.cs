using System.Globalization;
using LogGuard.Core.Evaluation;

namespace LogGuard.Training.Evaluation;

/// <summary>
/// The properties a failure can hide behind: format, declared level, line length (quartiles of this file),
/// token count, share of tokens the model never saw in training, triggered rule categories, the true label,
/// and every extra column of the input.
/// </summary>
public sealed class SliceDimensions
{
    private static readonly int[] TokenBounds = [5, 10, 20, 40];
    private static readonly double[] UnseenTokenBounds = [0, 0.1, 0.25, 0.5];
    private static readonly double[] Quartiles = [0.25, 0.5, 0.75];

    private readonly IReadOnlyList<EvaluatedLine> _lines;
    private readonly IReadOnlyList<string> _extraColumns;
    /// <summary>An extra column with more distinct values than this is cut into quartiles when numeric, and not sliced otherwise.</summary>
    public const int MaxDistinctValues = 50;

    private readonly int[] _lengthQuartiles;
    private readonly Func<string, string>?[] _extraSlicers;

    public SliceDimensions(IReadOnlyList<EvaluatedLine> lines, IReadOnlyList<string> extraColumns)
    {
        _lines = lines;
        _extraColumns = extraColumns;
        _lengthQuartiles = QuartileBounds(lines.Select(line => (double)line.Analysis.Length)).Select(bound => (int)bound).ToArray();
        _extraSlicers = [.. extraColumns.Select((_, column) => SlicerFor(lines.Select(line => line.Input.Extra[column]).ToList()))];
    }

    /// <summary>The extra columns that have too many distinct, non-numeric values to slice by.</summary>
    public IEnumerable<string> UnslicedColumns => _extraColumns.Where((_, column) => _extraSlicers[column] is null);

    public IEnumerable<SliceKey> Of(int index)
    {
        var line = _lines[index];
        var analysis = line.Analysis;
        yield return new SliceKey("format", analysis.Shape.Format.ToString().ToLowerInvariant());
        yield return new SliceKey("level", analysis.Shape.Level?.ToUpperInvariant() ?? "none");
        yield return new SliceKey("line length", LengthBin(analysis.Length));
        yield return new SliceKey("tokens", Bin(analysis.TokenCount, TokenBounds));
        yield return new SliceKey("unseen tokens", UnseenBin(analysis.TokenCount == 0 ? 0 : (double)analysis.OutOfVocabularyCount / analysis.TokenCount));
        yield return new SliceKey("true label", line.Input.Suspicious ? "suspicious" : "normal");
        if (analysis.Rules.Triggered.Count == 0)
        {
            yield return new SliceKey("rule category", "none");
        }

        foreach (var category in analysis.Rules.Triggered.Select(rule => rule.Category).Distinct(StringComparer.Ordinal))
        {
            yield return new SliceKey("rule category", category);
        }

        for (var i = 0; i < _extraColumns.Count; i++)
        {
            if (_extraSlicers[i] is { } slicer)
            {
                yield return new SliceKey(_extraColumns[i], slicer(line.Input.Extra[i]));
            }
        }
    }

    private static Func<string, string>? SlicerFor(List<string> values)
    {
        if (values.Distinct(StringComparer.Ordinal).Take(MaxDistinctValues + 1).Count() <= MaxDistinctValues)
        {
            return value => value;
        }

        if (!values.All(value => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            return null;
        }

        var bounds = QuartileBounds(values.Select(value => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)));
        return value =>
        {
            var number = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
            var quartile = bounds.Count(bound => number > bound);
            return quartile == bounds.Length
                ? string.Create(CultureInfo.InvariantCulture, $"q4: over {bounds[^1]}")
                : string.Create(CultureInfo.InvariantCulture, $"q{quartile + 1}: up to {bounds[quartile]}");
        };
    }

    private static double[] QuartileBounds(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? [0, 0, 0] : [.. Quartiles.Select(q => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))])];
    }

    private string LengthBin(int length)
    {
        var quartile = _lengthQuartiles.Count(bound => length > bound);
        var low = quartile == 0 ? 0 : _lengthQuartiles[quartile - 1] + 1;
        return quartile == _lengthQuartiles.Length
            ? string.Create(CultureInfo.InvariantCulture, $"q4: {low}+ chars")
            : string.Create(CultureInfo.InvariantCulture, $"q{quartile + 1}: {low}–{_lengthQuartiles[quartile]} chars");
    }

    private static string Bin(int value, int[] bounds)
    {
        var low = 0;
        foreach (var bound in bounds)
        {
            if (value <= bound)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{low}–{bound}");
            }

            low = bound + 1;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{low}+");
    }

    private static string UnseenBin(double share)
    {
        if (share == 0)
        {
            return "none";
        }

        for (var i = 1; i < UnseenTokenBounds.Length; i++)
        {
            if (share <= UnseenTokenBounds[i])
            {
                return string.Create(CultureInfo.InvariantCulture, $"{UnseenTokenBounds[i - 1]:0%}–{UnseenTokenBounds[i]:0%}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"over {UnseenTokenBounds[^1]:0%}");
    }
}
