using LogGuard.Core.Detection;
using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Tests.Rules;

namespace LogGuard.Core.Tests.Model;

public sealed class ShippedModelTests
{
    private static readonly MlNetModelScorer Scorer = MlNetModelScorer.Load(RepositoryPaths.Models, ModelKind.Sdca);

    public static readonly TheoryData<string> ClearlySuspicious = new()
    {
        "Dec 10 06:55:46 LabSZ sshd[24200]: Failed password for invalid user webmaster from 173.234.31.186 port 38926 ssh2",
        "10.0.0.5 - - [04/Mar/2026:10:01:02 +0000] \"GET /search?q=%3Cscript%3Ealert(document.cookie)%3C/script%3E HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"",
        "{\"ts\":\"2026-03-04T10:01:02Z\",\"level\":\"error\",\"msg\":\"upstream request failed\",\"error\":\"connection refused\"}",
    };

    public static readonly TheoryData<string> ClearlyNormal = new()
    {
        "10.0.0.5 - - [04/Mar/2026:10:01:02 +0000] \"GET /products/garden-chair-42 HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0\"",
        "2026-03-04 10:01:02,123 INFO [main] c.e.orders.OrderService - Order 48213 created for customer 77 in 35ms",
        "Mar  4 10:01:02 web-01 systemd[1]: Started Session 42 of user alice.",
        "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating",

        // Quotes alone are not injection: real logs quote names, and real people search for possessives.
        "2026-03-04 10:01:02,123 WARN [main] c.e.config.Settings - Property 'cache.ttl' is deprecated, use 'cache.expiry' instead",
        "10.0.0.5 - - [04/Mar/2026:10:01:02 +0000] \"GET /search?q=levi%27s%20jeans HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0\"",
        "time=\"2026-03-04T10:01:02Z\" level=info msg=\"Pulling image 'nginx:1.27'\"",
    };

    [Fact]
    public void Load_ShippedModel_IsAvailableWithMetadata()
    {
        Scorer.IsAvailable.Should().BeTrue(Scorer.UnavailableReason);
        Scorer.Metadata!.HeldOut.Count.Should().BePositive();
        Scorer.Version.Should().StartWith("sdca-");
    }

    [Theory]
    [MemberData(nameof(ClearlySuspicious))]
    public void Score_ClearlySuspiciousLine_IsAboveThreshold(string line) => Probability(line).Should().BeGreaterThan(0.5);

    [Theory]
    [MemberData(nameof(ClearlyNormal))]
    public void Score_ClearlyNormalLine_IsBelowThreshold(string line) => Probability(line).Should().BeLessThan(0.5);

    [Fact]
    public void Explain_SqlInjection_NamesTheSqlAmongWhatPushedItUp()
    {
        var text = Detection.Preprocessing.ModelText.Of("10.0.0.5 - - [04/Mar/2026:10:01:02 +0000] \"GET /products?id=1%27%20UNION%20SELECT%20username,password%20FROM%20users-- HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"");

        var evidence = Scorer.Explain(text, 6);

        var up = evidence.Where(item => item.Weight > 0).ToList();
        up.Should().HaveCount(6).And.BeInDescendingOrder(item => item.Weight);
        up.Select(item => item.Feature).Should().Contain(feature => feature.Contains("select", StringComparison.Ordinal) || feature.Contains("union", StringComparison.Ordinal));
        evidence.Where(item => item.Weight < 0).Should().BeInAscendingOrder(item => item.Weight);
    }

    [Fact]
    public void Score_FromManyThreads_GivesTheSameAnswers()
    {
        const string Line = "Dec 10 06:55:46 LabSZ sshd[24200]: Failed password for invalid user webmaster from 173.234.31.186 port 38926 ssh2";
        var expected = Probability(Line);

        var results = Enumerable.Range(0, 64).AsParallel().WithDegreeOfParallelism(8).Select(_ => Probability(Line)).ToList();

        results.Should().AllSatisfy(probability => probability.Should().Be(expected));
    }

    [Fact]
    public void Load_MissingFile_IsUnavailableWithReason()
    {
        var scorer = MlNetModelScorer.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString()), ModelKind.Sdca);

        scorer.IsAvailable.Should().BeFalse();
        scorer.UnavailableReason.Should().Contain("not found");
        scorer.Version.Should().Be("none");
    }

    [Fact]
    public void Load_CorruptFile_IsUnavailableWithReason()
    {
        var directory = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(ModelFiles.ModelPath(directory, ModelKind.Sdca), "this is not a model");

        var scorer = MlNetModelScorer.Load(directory, ModelKind.Sdca);

        scorer.IsAvailable.Should().BeFalse();
        scorer.UnavailableReason.Should().Contain("cannot be loaded");
    }

    [Fact]
    public void Analyze_WithoutModel_RulesStillDecide()
    {
        var detector = new Detector(ShippedRules.Set, MlNetModelScorer.Load("/nowhere", ModelKind.Sdca), new HybridDecider(new HybridOptions()));

        var analysis = detector.Analyze(["sshd[1]: Failed password for root from 10.0.0.9 port 22 ssh2"], fallback: false)[0];

        analysis.ModelProbability.Should().BeNull();
        analysis.Verdict.Should().BeEquivalentTo(new { Suspicious = true, DecidedBy = DecisionSource.Rules, FallbackUsed = true });
    }

    [Fact]
    public void Analyze_UnionSelect_IsFlaggedByTheRulesWhateverTheModelSays()
    {
        // The model alone puts this textbook injection near 0.5 (its figures are in models/evaluation-sdca.md);
        // the SQL injection rule is a red flag and decides it.
        var detector = new Detector(ShippedRules.Set, Scorer, new HybridDecider(new HybridOptions()));

        var analysis = detector.Analyze(["10.0.0.5 - - [04/Mar/2026:10:01:02 +0000] \"GET /products?id=1%27%20UNION%20SELECT%20username,password%20FROM%20users-- HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\""], fallback: false)[0];

        analysis.Verdict.Should().BeEquivalentTo(new { Suspicious = true, DecidedBy = DecisionSource.Rules, Severity = AlertSeverity.Critical });
    }

    [Fact]
    public void Analyze_BenignLineOfAHeldOutTemplate_IsNormalWithoutAskingForReview()
    {
        // The cron template is held out of training. Before the model was calibrated its probability sat in the
        // uncertainty band and the line went to review; a calibrated probability says what the model knows.
        var detector = new Detector(ShippedRules.Set, Scorer, new HybridDecider(new HybridOptions()));

        var analysis = detector.Analyze(["Mar  4 10:01:02 web-01 CRON[4242]: (root) CMD (run-parts /etc/cron.hourly)"], fallback: false)[0];

        analysis.Verdict.Suspicious.Should().BeFalse();
        analysis.Verdict.NeedsReview.Should().BeFalse();
        analysis.ModelProbability.Should().BeLessThan(new HybridOptions().UncertainLow);
    }

    private static double Probability(string line)
    {
        var probabilities = new float[1];
        Scorer.Score([Detection.Preprocessing.ModelText.Of(line)], probabilities);
        return probabilities[0];
    }
}
