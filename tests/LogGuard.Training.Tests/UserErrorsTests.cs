using FluentAssertions;
using LogGuard.Core.Detection.Rules;

namespace LogGuard.Training.Tests;

/// <summary>A person's mistake ends a command with one sentence and exit code 2; a bug still surfaces.</summary>
public sealed class UserErrorsTests
{
    [Fact]
    public void MissingRulesFile_EndsWithItsMessageAndExitCode2()
    {
        var (exitCode, error) = RunCapturingError(() => RuleSetLoader.LoadFile("/nowhere/rules.json", new RuleOptions()) is null ? 0 : 1);

        exitCode.Should().Be(UserErrors.ExitCode);
        error.Trim().Should().Be("Rules file '/nowhere/rules.json' does not exist.");
    }

    [Fact]
    public void MissingFolder_EndsWithExitCode2()
    {
        var (exitCode, error) = RunCapturingError(() => File.ReadAllText("/nowhere/golden.tsv").Length);

        exitCode.Should().Be(UserErrors.ExitCode);
        error.Should().Contain("/nowhere/golden.tsv");
    }

    [Fact]
    public void Bug_IsNotHidden()
    {
        var run = () => UserErrors.Run(() => throw new InvalidCastException());

        run.Should().Throw<InvalidCastException>();
    }

    [Fact]
    public void CommandThatSucceeds_KeepsItsExitCode()
    {
        UserErrors.Run(() => 0).Should().Be(0);
    }

    private static (int ExitCode, string Error) RunCapturingError(Func<int> command)
    {
        using var error = new StringWriter();
        return (UserErrors.Run(command, error), error.ToString());
    }
}
