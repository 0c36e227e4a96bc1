using LogGuard.Core.Detection.Model;
using LogGuard.Testing;

namespace LogGuard.Training.Tests;

/// <summary>Promotion of the shipped models in registry.json, through the service's gate.</summary>
public sealed class PromoteCommandTests : IDisposable
{
    private const string CandidateVersion = "sdca-candidate";
    private readonly DirectoryInfo _models = Directory.CreateTempSubdirectory("logguard-promote-");

    public PromoteCommandTests()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Models))
        {
            File.Copy(file, Path.Combine(_models.FullName, Path.GetFileName(file)));
        }

        // The shipped SDCA files again, under a new version whose recorded held-out F1 is higher.
        var registry = ModelRegistry.TryLoad(_models.FullName)!;
        var shipped = registry.Active!;
        File.WriteAllText(
            Path.Combine(_models.FullName, "candidate.json"),
            File.ReadAllText(Path.Combine(_models.FullName, shipped.Metadata)).Replace(shipped.Version, CandidateVersion, StringComparison.Ordinal));
        var candidate = shipped with { Version = CandidateVersion, Metadata = "candidate.json", Status = ModelStatus.Challenger, HeldOut = shipped.HeldOut! with { F1 = shipped.HeldOut.F1 + 0.01 } };
        new ModelRegistry([.. registry.Models, candidate]).Save(_models.FullName);
    }

    [Fact]
    public void BetterCandidate_BecomesActive_AndThePreviousOneIsRetired()
    {
        var before = ModelRegistry.TryLoad(_models.FullName)!.Active!.Version;

        var decision = PromoteCommand.Run(_models.FullName, CandidateVersion, _ => { });

        decision.Accepted.Should().BeTrue(string.Join("; ", decision.Checks));
        var after = ModelRegistry.TryLoad(_models.FullName)!;
        after.Active!.Version.Should().Be(CandidateVersion);
        after.Find(before)!.Status.Should().Be(ModelStatus.Retired);
    }

    [Fact]
    public void CandidateWithAWorseFalsePositiveRate_IsRefused_AndTheRegistryIsUnchanged()
    {
        var registry = File.ReadAllText(Path.Combine(_models.FullName, ModelRegistry.FileName));
        var fastTree = ModelRegistry.TryLoad(_models.FullName)!.Models.Single(model => model.Kind == nameof(ModelKind.FastTree)).Version;

        var decision = PromoteCommand.Run(_models.FullName, fastTree, _ => { });

        decision.Accepted.Should().BeFalse();
        decision.Checks.Should().Contain(check => check.StartsWith("failed: held-out false-positive rate", StringComparison.Ordinal));
        File.ReadAllText(Path.Combine(_models.FullName, ModelRegistry.FileName)).Should().Be(registry);
    }

    public void Dispose() => _models.Delete(recursive: true);
}
