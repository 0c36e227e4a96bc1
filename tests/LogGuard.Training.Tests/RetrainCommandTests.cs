using LogGuard.Core.Detection.Model;
using LogGuard.Testing;

namespace LogGuard.Training.Tests;

/// <summary>Retraining on the real data folder plus labelled live lines: a candidate is registered, never promoted.</summary>
public sealed class RetrainCommandTests : IDisposable
{
    private readonly DirectoryInfo _models = Directory.CreateTempSubdirectory("logguard-retrain-models-");
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("logguard-retrain-data-");

    public RetrainCommandTests()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Models))
        {
            File.Copy(file, Path.Combine(_models.FullName, Path.GetFileName(file)));
        }

        // The corpus is written beside the data, so the test reads a copy of the data folder rather than the repository's.
        CopyDirectory(Path.Combine(RepositoryPaths.Root, "data"), _data.FullName);
    }

    [Fact]
    public void Retrain_RegistersACalibratedChallenger_WithItsFigures_AndLeavesTheActiveModel()
    {
        var live = Path.Combine(_models.FullName, "live.tsv");
        File.WriteAllLines(live,
        [
            "label\tline",
            .. Enumerable.Range(0, 20).Select(i => $"suspicious\t<ip> - - [12/May/2026:08:14:{i:00} +0000] \"GET /export?file=....//....//etc/passwd&n={i} HTTP/1.1\" 200 91 \"-\" \"curl/8.4.0\""),
            .. Enumerable.Range(0, 20).Select(i => $"normal\t2026-05-12 09:{i:00}:05,447 INFO [orders-worker-{i}] order {88214 + i} paid in 212 ms"),
        ]);
        var before = ModelRegistry.TryLoad(_models.FullName)!;
        var output = new List<string>();

        var result = RetrainCommand.Run(_data.FullName, _models.FullName, live, seed: 42, output.Add);

        var after = ModelRegistry.TryLoad(_models.FullName)!;
        after.Active.Should().Be(before.Active, "retraining never promotes");
        after.Find(result.Candidate.Version).Should().Be(result.Candidate);
        result.Candidate.Status.Should().Be(ModelStatus.Challenger);
        result.LiveLines.Should().Be(40);
        var candidate = ModelRegistry.LoadModel(_models.FullName, result.Candidate);
        candidate.IsAvailable.Should().BeTrue();
        candidate.Version.Should().Be(result.Candidate.Version);
        candidate.Metadata!.Calibration.Should().NotBeNull();
        candidate.Metadata.CountsBySource.Should().ContainKey(RetrainCommand.LiveSource).WhoseValue.Should().Be(40);
        result.Candidate.GoldenAccuracy.Should().BeInRange(0.5, 1.0);
        result.Decision.Checks.Should().Contain(check => check.Contains("held-out F1", StringComparison.Ordinal));
        output.Should().Contain(line => line.Contains("registered " + result.Candidate.Version, StringComparison.Ordinal));

        // Training again keeps the candidate registered while its files remain.
        RegistryWriter.Write(_models.FullName).Find(result.Candidate.Version).Should().NotBeNull();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }

    public void Dispose()
    {
        _models.Delete(recursive: true);
        _data.Delete(recursive: true);
    }
}
