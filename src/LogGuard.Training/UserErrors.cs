using LogGuard.Core.Detection.Rules;

namespace LogGuard.Training;

/// <summary>
/// Turns the mistakes a person running a command can make (a wrong folder, a missing or broken file) into one
/// sentence on standard error and exit code 2, instead of a stack trace; anything else is a bug and still throws.
/// </summary>
public static class UserErrors
{
    public const int ExitCode = 2;

    public static int Run(Func<int> command) => Run(command, Console.Error);

    public static int Run(Func<int> command, TextWriter error)
    {
        try
        {
            return command();
        }
        catch (Exception exception) when (IsUserError(exception))
        {
            error.WriteLine(exception.Message);
            return ExitCode;
        }
    }

    private static bool IsUserError(Exception exception) =>
        exception is RuleFileException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or UnauthorizedAccessException;
}
