using System.Globalization;
using LogGuard.Core.Detection;
using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Rules;

namespace LogGuard.Training;

/// <summary>Reads lines from standard input and prints each verdict with its evidence: the offline twin of POST /detect.</summary>
public static class ExplainCommand
{
    public static void Run(string modelsDirectory, ModelKind kind)
    {
        var detector = new Detector(
            RuleSetLoader.LoadFile(ModelFiles.RulesPath(modelsDirectory), new RuleOptions()),
            MlNetModelScorer.Load(modelsDirectory, kind),
            new HybridDecider(new HybridOptions()));

        string? line;
        while ((line = Console.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var analysis = detector.Analyze([line], fallback: false)[0];
            var verdict = analysis.Verdict;
            var rules = string.Join(",", analysis.Rules.Triggered.Select(rule => rule.Id));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{verdict.Label,-10} by={verdict.DecidedBy,-6} score={verdict.Score:0.000} p={analysis.ModelProbability:0.000} rules={analysis.Rules.Score:0.00}[{rules}] | {analysis.Masked.Text[..Math.Min(110, analysis.Masked.Text.Length)]}"));
        }
    }
}
