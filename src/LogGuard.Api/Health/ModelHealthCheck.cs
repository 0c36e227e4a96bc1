using LogGuard.Core.Detection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LogGuard.Api.Health;

/// <summary>Degraded, not unhealthy, without a model: the service still answers, by the rules alone.</summary>
internal sealed class ModelHealthCheck(Detector detector) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(detector.Model.IsAvailable
            ? HealthCheckResult.Healthy($"model {detector.Model.Version} loaded")
            : HealthCheckResult.Degraded(detector.Model.UnavailableReason ?? "the model is not loaded"));
}
