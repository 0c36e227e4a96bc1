namespace LogGuard.Api.Tests.Browser;

/// <summary>
/// A test that drives Debian's Chromium. Skipped, saying why, where it is not installed; where
/// LOGGUARD_REQUIRE_BROWSER is set (CI installs Chromium and sets it), it runs and fails instead.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath) && Environment.GetEnvironmentVariable("LOGGUARD_REQUIRE_BROWSER") is null)
        {
            Skip = $"{ExecutablePath} is not installed (apt-get install chromium); the dashboard's browser tests need it.";
        }
    }
}
