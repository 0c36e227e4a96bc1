using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Core.Tests.Rules;

/// <summary>Screening rules in groups must never change which rules fire, only skip the passes that cannot.</summary>
public sealed class PatternGroupsTests
{
    [Fact]
    public void Evaluate_EveryRealLogLineAndAttack_FiresExactlyTheRulesThatMatchOneByOne()
    {
        var lines = RealAndHostileLines().ToList();
        lines.Should().HaveCountGreaterThan(30_000);

        var fired = 0;
        foreach (var line in lines)
        {
            var decoded = LineDecoder.Decode(line);
            var shape = LineShapeDetector.Detect(line);
            var oneByOne = ShippedRules.Set.Rules.Where(rule => rule.Matches(line, decoded, shape)).Select(rule => rule.Definition.Id);

            var screened = ShippedRules.Set.Evaluate(line, decoded, shape).Triggered.Select(rule => rule.Id).ToList();

            screened.Should().Equal(oneByOne, "line {0}", line);
            fired += screened.Count;
        }

        fired.Should().BeGreaterThan(5_000, "the corpus exercises the rules, not only their absence");
    }

    // Every loghub sample line, and every payload (attacks and benign values) in the access-log shape clients send.
    private static IEnumerable<string> RealAndHostileLines()
    {
        var data = Path.Combine(RepositoryPaths.Root, "data");
        foreach (var log in Directory.EnumerateFiles(Path.Combine(data, "loghub"), "*.log", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(log))
            {
                yield return line;
            }
        }

        var payloads = Directory.EnumerateFiles(Path.Combine(data, "payloads"), "*.tsv")
            .SelectMany(file => File.ReadLines(file).Skip(1).Select(row => row.Split('\t')[0]))
            .Concat(File.ReadLines(Path.Combine(data, "httpparams", "payload_train.csv")).Skip(1));
        foreach (var payload in payloads)
        {
            yield return $"10.0.0.5 - - [04/Mar/2026:10:01:02 +0000] \"GET /search?q={Uri.EscapeDataString(payload)} HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"";
            yield return $"2026-03-04 10:01:02,123 WARN [http-nio-8080-exec-1] c.e.SearchController - rejected query {payload}";
        }
    }
}
