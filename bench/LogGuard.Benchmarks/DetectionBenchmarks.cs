using BenchmarkDotNet.Attributes;
using LogGuard.Core.Detection;
using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Masking;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Preprocessing;
using LogGuard.Core.Detection.Rules;

namespace LogGuard.Benchmarks;

/// <summary>Cost per line of each stage, on a mix of real-looking lines (benign and hostile).</summary>
[MemoryDiagnoser]
public class DetectionBenchmarks
{
    private static readonly string[] Mix =
    [
        "10.0.0.5 - - [04/Mar/2026:10:01:02 +0000] \"GET /products/garden-chair-42?ref=home HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0\"",
        "10.0.0.5 - - [04/Mar/2026:10:01:02 +0000] \"GET /products?id=1%27%20UNION%20SELECT%20username,password%20FROM%20users-- HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"",
        "Dec 10 06:55:46 LabSZ sshd[24200]: Failed password for invalid user webmaster from 173.234.31.186 port 38926 ssh2",
        "2026-03-04 10:01:02,123 INFO [main] c.e.orders.OrderService - Order 48213 created for customer 77 in 35ms",
        "{\"ts\":\"2026-03-04T10:01:02Z\",\"level\":\"error\",\"service\":\"checkout\",\"msg\":\"upstream request failed\",\"error\":\"connection refused\"}",
        "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating",
        "ts=2026-03-04T10:01:02Z level=info msg=\"request completed\" method=GET path=/v1/orders status=200 duration=12ms",
        "- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected",
    ];

    private RuleSet _rules = null!;
    private MlNetModelScorer _model = null!;
    private Detector _detector = null!;
    private string[] _decoded = null!;
    private LineShape[] _shapes = null!;
    private string[] _modelTexts = null!;
    private float[] _probabilities = null!;

    [GlobalSetup]
    public void Setup()
    {
        var models = Path.Combine(RepositoryRoot(), "models");
        _rules = RuleSetLoader.LoadFile(ModelFiles.RulesPath(models), new RuleOptions());
        _model = MlNetModelScorer.Load(models, ModelKind.Sdca);
        _detector = new Detector(_rules, _model, new HybridDecider(new HybridOptions()));
        _decoded = [.. Mix.Select(LineDecoder.Decode)];
        _shapes = [.. Mix.Select(LineShapeDetector.Detect)];
        _modelTexts = [.. Mix.Select(ModelText.Of)];
        _probabilities = new float[Mix.Length];
    }

    [Benchmark(OperationsPerInvoke = 8, Description = "rules, per line")]
    public void Rules()
    {
        for (var i = 0; i < Mix.Length; i++)
        {
            _rules.Evaluate(Mix[i], _decoded[i], _shapes[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = 8, Description = "model scoring, per line")]
    public void Model() => _model.Score(_modelTexts, _probabilities);

    [Benchmark(OperationsPerInvoke = 8, Description = "masking, per line")]
    public void Masking()
    {
        foreach (var line in Mix)
        {
            SecretMasker.Mask(line);
        }
    }

    [Benchmark(OperationsPerInvoke = 8, Description = "full analysis (decode, shape, rules, model, masking, decision), per line")]
    public LineAnalysis[] Full() => _detector.Analyze(Mix, fallback: false);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LogGuard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
