using LogGuard.Api.Security;
using LogGuard.Core.Detection;
using LogGuard.Core.Detection.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Models;

public static class ModelApi
{
    public static IEndpointRouteBuilder MapModelApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/model", GetModel)
            .WithTags("Model")
            .RequireClientAccess()
            .WithName("GetModel")
            .WithSummary("The active model and rules")
            .WithDescription("Whether the model is loaded (and why not), its training metadata and held-out metrics as written by the trainer, and the rules file version.");
        return app;
    }

    internal static Ok<ModelInfo> GetModel(Detector detector, ModelCanary canary, IOptions<ModelOptions> options) => TypedResults.Ok(new ModelInfo
    {
        Loaded = detector.Model.IsAvailable,
        Canary = canary.LastFor(detector.Model.Version) is { } last ? new CanaryView(last.Accuracy, last.RecordedAccuracy, last.Margin, last.Passed) : null,
        Kind = detector.Model.Metadata?.Kind ?? options.Value.Kind.ToString(),
        Version = detector.Model.Version,
        UnavailableReason = detector.Model.UnavailableReason,
        Metadata = detector.Model.Metadata,
        RulesVersion = detector.Rules.Version,
        RuleCount = detector.Rules.Rules.Count,
        ScoreCache = (detector.Model as CachingModelScorer)?.Statistics,
    });
}

/// <summary>The model being served.</summary>
public sealed class ModelInfo
{
    /// <example>true</example>
    public required bool Loaded { get; init; }

    /// <summary>The last golden-set check of a model (at start, on promotion, at each monitor run); null without a registry.</summary>
    public CanaryView? Canary { get; init; }

    /// <summary>Sdca or FastTree: the served model's, else Model:Kind.</summary>
    /// <example>Sdca</example>
    public required string Kind { get; init; }

    /// <example>sdca-20261122-5791e225</example>
    public required string Version { get; init; }

    /// <summary>Why the model is not loaded; null when it is.</summary>
    public string? UnavailableReason { get; init; }

    /// <summary>The metadata file written by the trainer: data fingerprint, split, counts, held-out metrics, vocabulary.</summary>
    public ModelMetadata? Metadata { get; init; }

    /// <example>2026.12.03-3</example>
    public required string RulesVersion { get; init; }

    /// <example>29</example>
    public required int RuleCount { get; init; }

    /// <summary>The score cache since start (Model:ScoreCacheSlots); null when it is off or there is no model.</summary>
    public ScoreCacheStatistics? ScoreCache { get; init; }
}

/// <param name="RecordedAccuracy">The accuracy recorded when the model was registered; below it by more than Margin, the model is refused.</param>
public sealed record CanaryView(double Accuracy, double RecordedAccuracy, double Margin, bool Passed);
