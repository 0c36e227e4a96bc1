using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Model;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Models;

/// <summary>
/// Scores the golden set that ships beside the models and holds each model to the accuracy recorded for it at
/// registration. A corrupt or wrong model file shows at once, instead of after three monitor windows.
/// </summary>
public sealed partial class ModelCanary(IOptions<ModelOptions> model, IOptions<HybridOptions> hybrid, IHostEnvironment environment, ILogger<ModelCanary> logger)
{
    private readonly Lazy<IReadOnlyList<GoldenLine>?> _golden = new(() =>
    {
        var path = Path.Combine(environment.ContentRootPath, model.Value.Directory, GoldenSet.FileName);
        return File.Exists(path) ? GoldenSet.Load(path) : null;
    });

    // Per version: a promotion checks a candidate too, and /model must show the served model's result, not the candidate's.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CanaryResult> _last = new(StringComparer.Ordinal);

    /// <summary>The last check of <paramref name="version"/>, for <c>/model</c>; null when it was never checked.</summary>
    public CanaryResult? LastFor(string version) => _last.GetValueOrDefault(version);

    /// <summary>Checks <paramref name="scorer"/> against what <paramref name="registered"/> recorded; null when there is nothing to check against.</summary>
    public CanaryResult? Check(IModelScorer scorer, RegisteredModel? registered)
    {
        if (!scorer.IsAvailable || registered is null || _golden.Value is not { } golden)
        {
            return null;
        }

        var result = new CanaryResult(GoldenSet.Accuracy(scorer, golden, hybrid.Value.ModelThreshold), registered.GoldenAccuracy, model.Value.CanaryMargin);
        _last[registered.Version] = result;
        if (!result.Passed)
        {
            LogFailed(logger, registered.Version, result.Describe());
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {Version} failed the canary: {Finding}")]
    private static partial void LogFailed(ILogger logger, string version, string finding);
}
