using LogGuard.Data;
using LogGuard.Data.Audit;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace LogGuard.Api.Observability;

public static class ObservabilityServiceExtensions
{
    /// <summary>LogGuard's meter, ASP.NET Core's and the runtime's, exported for Prometheus when <c>Metrics:Enabled</c>.</summary>
    public static IHostApplicationBuilder AddLogGuardObservability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(DataServiceCollectionExtensions.SectionPath(MetricsOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LogGuardMetrics>();
        if (IsEnabled(builder.Configuration))
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(AuditMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
                .AddMeter("System.Runtime") // the runtime's own: GC heap and pauses, memory, CPU, thread pool queue
                .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0) // a scrape shows now, not up to 300 ms ago
                .ConfigureSeriesLimit());
        }

        return builder;
    }

    public static WebApplication MapLogGuardMetrics(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            app.MapPrometheusScrapingEndpoint().WithTags("Operations").ExcludeFromDescription();
        }

        return app;
    }

    // Read once at start: the exporter cannot be added or removed while the service runs.
    private static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(DataServiceCollectionExtensions.SectionPath(MetricsOptions.SectionName)).Get<MetricsOptions>()?.Enabled ?? true;

    // Applied when the provider is built, from the bound options, so that every configuration source has been read.
    // An out-of-range limit stops the start through the options' validation; Math.Max only keeps the SDK from throwing first.
    private static MeterProviderBuilder ConfigureSeriesLimit(this MeterProviderBuilder metrics) =>
        ((IDeferredMeterProviderBuilder)metrics).Configure((services, deferred) =>
        {
            var limit = services.GetRequiredService<IOptions<MetricsOptions>>().Value.MaxSeriesPerMetric;
            deferred.AddView(_ => new MetricStreamConfiguration { CardinalityLimit = Math.Max(1, limit) });
        });
}
