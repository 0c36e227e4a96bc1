namespace LogGuard.Api.Tests.Infrastructure;

/// <summary>
/// Lines for monitoring scenarios: healthy traffic drawn from real logs in data/loghub, and drifted traffic
/// in a format and vocabulary the model never saw, with a surge of attacks.
/// </summary>
public sealed class TrafficSource
{
    private static readonly string[] HealthySystems = ["HDFS", "Hadoop", "Spark", "Zookeeper", "OpenStack", "HealthApp", "Windows"];

    private readonly List<string> _healthy;
    private readonly Random _random;

    public TrafficSource(int seed)
    {
        _random = new Random(seed);
        _healthy = [.. HealthySystems.SelectMany(system =>
            File.ReadAllLines(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "data", "loghub", system), "*.log").Single())
                .Select(line => line.TrimEnd('\r'))
                .Where(line => line.Length > 0))];
    }

    public List<string> Healthy(int count) => [.. Enumerable.Range(0, count).Select(_ => _healthy[_random.Next(_healthy.Count)])];

    public List<string> Drifted(int count) => [.. Enumerable.Range(0, count).Select(_ => DriftedLine())];

    private string DriftedLine()
    {
        if (_random.Next(3) == 0)
        {
            return $"10.9.8.7 - - [04/Mar/2026:10:01:02 +0000] \"GET /item?id={_random.Next(1000)}%27%20UNION%20SELECT%20password%20FROM%20users-- HTTP/1.1\" 200 12 \"-\" \"sqlmap/1.8\"";
        }

        var words = Enumerable.Range(0, 6 + _random.Next(10)).Select(_ => Garble());
        return $"@@ {Garble()}|{Garble()} :: {string.Join(' ', words)} ~~ {_random.Next(100000)}";
    }

    private string Garble()
    {
        const string Letters = "qxzjvkwpyfgh";
        return new string([.. Enumerable.Range(0, 4 + _random.Next(6)).Select(_ => Letters[_random.Next(Letters.Length)])]);
    }
}
