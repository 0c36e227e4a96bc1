using LogGuard.Core.Evaluation;
using ScottPlot;

namespace LogGuard.Training.Evaluation;

/// <summary>The report's PNG plots, drawn with ScottPlot.</summary>
public static class EvaluationPlots
{
    public const int Width = 800;
    public const int Height = 500;
    public const int SlicesShown = 20;

    public static IReadOnlyList<string> Write(EvaluationReport report, string directory)
    {
        var written = new List<string>();
        foreach (var detector in report.Detectors)
        {
            written.Add(Save(Confusion(detector), directory, $"confusion-{detector.Name}.png"));
            written.Add(Save(Scores(detector), directory, $"scores-{detector.Name}.png"));
        }

        written.Add(Save(Roc(report), directory, "roc.png"));
        written.Add(Save(PrecisionRecall(report), directory, "precision-recall.png"));
        written.Add(Save(ReliabilityDiagram(report.Calibration), directory, "reliability.png"));
        written.Add(Save(SliceErrors(report), directory, "slices.png"));
        return written;
    }

    /// <summary>The reliability diagram alone, for a report that has no other plot.</summary>
    public static string WriteReliability(IReadOnlyDictionary<string, Reliability> calibration, string directory, string name) =>
        Save(ReliabilityDiagram(calibration), directory, name);

    private static string Save(Plot plot, string directory, string name)
    {
        var path = Path.Combine(directory, name);
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static Plot Confusion(DetectorResult detector)
    {
        var plot = new Plot();
        var c = detector.Metrics.Confusion;
        var cells = new (int Count, double X, double Y, string Name)[]
        {
            (c.TrueNegative, 0, 1, "true negatives"), (c.FalsePositive, 1, 1, "false positives"),
            (c.FalseNegative, 0, 0, "false negatives"), (c.TruePositive, 1, 0, "true positives"),
        };
        var largest = Math.Max(1, cells.Max(cell => cell.Count));
        foreach (var cell in cells)
        {
            var shade = 1 - (0.7 * cell.Count / largest);
            var rectangle = plot.Add.Rectangle(cell.X, cell.X + 1, cell.Y, cell.Y + 1);
            rectangle.FillColor = new Color((byte)(255 * shade), (byte)(255 * shade), 255);
            var text = plot.Add.Text($"{cell.Count}\n{cell.Name}", cell.X + 0.5, cell.Y + 0.5);
            text.LabelFontSize = 18;
            text.LabelAlignment = Alignment.MiddleCenter;
        }

        plot.Axes.Bottom.SetTicks([0.5, 1.5], ["normal", "suspicious"]);
        plot.Axes.Left.SetTicks([0.5, 1.5], ["suspicious", "normal"]);
        plot.XLabel("predicted");
        plot.YLabel("true label");
        plot.Title($"{detector.Name}: confusion matrix");
        plot.Axes.SetLimits(0, 2, 0, 2);
        return plot;
    }

    private static Plot Scores(DetectorResult detector)
    {
        var plot = new Plot();
        foreach (var (actual, name, color) in new[] { (false, "normal", Colors.SteelBlue), (true, "suspicious", Colors.OrangeRed) })
        {
            var scores = detector.Outcomes.OfType<ScoredOutcome>().Where(outcome => outcome.Actual == actual).Select(outcome => outcome.Score).ToList();
            if (scores.Count == 0)
            {
                continue;
            }

            var histogram = ScottPlot.Statistics.Histogram.WithBinCount(20, 0, 1);
            histogram.AddRange(scores);
            var bars = plot.Add.Bars(histogram.Bins, histogram.Counts.Select(count => count / scores.Count).ToArray());
            bars.Color = color.WithAlpha(0.6);
            bars.LegendText = $"{name} ({scores.Count} lines)";
        }

        plot.Title($"{detector.Name}: score by true label");
        plot.XLabel("score");
        plot.YLabel("share of the class's lines");
        plot.ShowLegend();
        return plot;
    }

    private static Plot Roc(EvaluationReport report) => CurvePlot(report, "ROC curves", "false-positive rate", "true-positive rate",
        curve => (curve.FalsePositiveRates, curve.TruePositiveRates), detector => $"AUC {MarkdownTable.Number(detector.Metrics.Auc)}");

    private static Plot PrecisionRecall(EvaluationReport report) => CurvePlot(report, "Precision-recall curves", "recall", "precision",
        curve => (curve.TruePositiveRates, curve.Precisions), detector => $"AUC {MarkdownTable.Number(detector.Metrics.PrAuc)}");

    private static Plot CurvePlot(
        EvaluationReport report,
        string title,
        string xLabel,
        string yLabel,
        Func<(double[] FalsePositiveRates, double[] TruePositiveRates, double[] Precisions), (double[] X, double[] Y)> axes,
        Func<DetectorResult, string> legend)
    {
        var plot = new Plot();
        foreach (var detector in report.Detectors)
        {
            var (x, y) = axes(Curves.Of([.. detector.Outcomes.OfType<ScoredOutcome>()]));
            var line = plot.Add.ScatterLine(x, y);
            line.LegendText = $"{detector.Name} ({legend(detector)})";
            line.LineWidth = 2;
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private static Plot ReliabilityDiagram(IReadOnlyDictionary<string, Reliability> calibration)
    {
        var plot = new Plot();
        var diagonal = plot.Add.ScatterLine(new double[] { 0, 1 }, new double[] { 0, 1 });
        diagonal.Color = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfectly calibrated";
        foreach (var (name, reliability) in calibration)
        {
            var points = plot.Add.Scatter(
                reliability.Bins.Select(bin => bin.MeanProbability).ToArray(),
                reliability.Bins.Select(bin => bin.Observed.Rate).ToArray());
            points.LegendText = $"{name} (ECE {MarkdownTable.Number(reliability.ExpectedCalibrationError)})";
            points.LineWidth = 2;
            points.MarkerSize = 8;
        }

        plot.Title("Reliability: predicted probability against observed share of suspicious lines");
        plot.XLabel("mean predicted probability");
        plot.YLabel("observed share suspicious");
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static Plot SliceErrors(EvaluationReport report)
    {
        var plot = new Plot();
        var slices = (report.Detector(EvaluationDetector.Hybrid) ?? report.Detectors[0]).Slices
            .Where(slice => slice.PValue is not null)
            .Take(SlicesShown)
            .Reverse()
            .ToList();
        var positions = Enumerable.Range(0, slices.Count).Select(i => (double)i).ToArray();
        var rates = slices.Select(slice => slice.Error.Rate).ToArray();
        var bars = plot.Add.Bars(positions, rates);
        bars.Horizontal = true;
        for (var i = 0; i < slices.Count; i++)
        {
            bars.Bars[i].FillColor = slices[i].IsHotspot ? Colors.OrangeRed : Colors.SteelBlue;
        }

        // Wilson intervals are not symmetric, so each side of the error bar is set on its own.
        var errors = plot.Add.ErrorBar(rates, positions, new double[slices.Count]);
        errors.YErrorNegative = new double[slices.Count];
        errors.YErrorPositive = new double[slices.Count];
        errors.XErrorNegative = [.. slices.Select(slice => slice.Error.Rate - slice.Error.Low)];
        errors.XErrorPositive = [.. slices.Select(slice => slice.Error.High - slice.Error.Rate)];
        errors.Color = Colors.Black;
        plot.Axes.Left.SetTicks(positions, [.. slices.Select(slice => $"{slice.Key.Dimension} = {slice.Key.Value} ({slice.Error.Total})")]);
        plot.Axes.Margins(left: 0);
        plot.Title("Hybrid error rate by slice, 95% Wilson intervals (hotspots in red)");
        plot.XLabel("error rate");
        return plot;
    }
}
