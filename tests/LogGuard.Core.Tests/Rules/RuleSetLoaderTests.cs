using LogGuard.Core.Detection.Rules;

namespace LogGuard.Core.Tests.Rules;

public sealed class RuleSetLoaderTests
{
    private static string File(string rules) => $$"""{ "version": "t1", "rules": [ {{rules}} ] }""";

    [Theory]
    [InlineData("""{ "id": "A", "description": "d", "category": "c", "weight": 0.5, "pattern": "(a)\\1" }""", "without backtracking")]
    [InlineData("""{ "id": "A", "description": "d", "category": "c", "weight": 0.5, "pattern": "(?=a)b" }""", "without backtracking")]
    [InlineData("""{ "id": "A", "description": "d", "category": "c", "weight": 1.5, "pattern": "a" }""", "weight")]
    [InlineData("""{ "id": "A", "description": "d", "category": "c", "weight": 0.5 }""", "exactly one")]
    [InlineData("""{ "id": "A", "description": "d", "category": "c", "weight": 0.5, "condition": "moon_phase" }""", "unknown condition")]
    [InlineData("""{ "id": "A", "description": "d", "category": "c", "weight": 0.5, "pattern": "a" }, { "id": "A", "description": "d", "category": "c", "weight": 0.5, "pattern": "b" }""", "used twice")]
    [InlineData("""{ "id": "A", "description": "d", "category": "c", "weight": 0.5, "pattern": "a", "formats": ["Fax"] }""", "unknown format")]
    [InlineData("""{ "id": "A", "description": "d", "category": "c", "weight": 0.5, "patern": "a" }""", "not valid JSON")]
    [InlineData("""{ "id": "A", "description": "d", "category": "c", "weight": 0.5, "pattern": "a", "unless": "(?!b)" }""", "unless pattern cannot run")]
    [InlineData("""{ "id": "A", "description": "d", "category": "c", "weight": 0.5, "pattern": "a", "unless": "" }""", "\"unless\" must not be empty")]
    public void Parse_DefectiveRule_ThrowsNamingTheRule(string rules, string expected)
    {
        var act = () => RuleSetLoader.Parse(File(rules), new RuleOptions(), "test.json");

        act.Should().Throw<RuleFileException>().Which.Message.Should().Contain(expected).And.Contain("test.json");
    }

    [Fact]
    public void Parse_MissingVersion_Throws()
    {
        var act = () => RuleSetLoader.Parse("""{ "rules": [] }""", new RuleOptions());

        act.Should().Throw<RuleFileException>().WithMessage("*version*");
    }

    [Fact]
    public void LoadFile_MissingFile_ThrowsWithThePath()
    {
        var act = () => RuleSetLoader.LoadFile("/nowhere/rules.json", new RuleOptions());

        act.Should().Throw<RuleFileException>().WithMessage("*/nowhere/rules.json*");
    }

    [Fact]
    public void Evaluate_UnlessMatches_VetoesTheRule()
    {
        var rules = RuleSetLoader.Parse(File("""{ "id": "M", "description": "d", "category": "c", "weight": 0.9, "pattern": "mount failed", "unless": "retrying" }"""), new RuleOptions());
        var shape = new Detection.Preprocessing.LineShape(Detection.Preprocessing.LogFormat.Other, null);

        rules.Evaluate("NFS mount failed on io7", "NFS mount failed on io7", shape).Triggered.Should().ContainSingle();
        rules.Evaluate("NFS mount failed on io7, retrying (1)", "NFS mount failed on io7, retrying (1)", shape).Triggered.Should().BeEmpty();
    }

    [Fact]
    public void Parse_SlowThreshold_ComesFromOptions()
    {
        var rules = RuleSetLoader.Parse(File("""{ "id": "S", "description": "d", "category": "slow", "weight": 0.4, "condition": "slow_duration" }"""), new RuleOptions { SlowThresholdMs = 100 });
        var shape = new Detection.Preprocessing.LineShape(Detection.Preprocessing.LogFormat.Other, null);

        rules.Evaluate("took 150ms", "took 150ms", shape).Triggered.Should().ContainSingle();
        rules.Evaluate("took 50ms", "took 50ms", shape).Triggered.Should().BeEmpty();
    }
}
