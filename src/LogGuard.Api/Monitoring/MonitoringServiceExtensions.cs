using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.Explanations;
using LogGuard.Data;
using LogGuard.Data.Monitoring;
using Microsoft.Extensions.Options;
using Quartz;

namespace LogGuard.Api.Monitoring;

public static class MonitoringServiceExtensions
{
    /// <summary>The self-monitor: baseline, window signals, state machine, incidents, and the Quartz job that runs them.</summary>
    public static IHostApplicationBuilder AddLogGuardMonitoring(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MonitoringOptions>().BindConfiguration(DataServiceCollectionExtensions.SectionPath(MonitoringOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(DataServiceCollectionExtensions.SectionPath(SecurityOptions.SectionName));
        builder.Services.AddOptions<ExplainerOptions>().BindConfiguration(DataServiceCollectionExtensions.SectionPath(ExplainerOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<MonitoringOptions>>().Value);
        builder.Services.AddSingleton<TrafficAggregator>();
        builder.Services.AddSingleton<BaselineStore>();
        builder.Services.AddSingleton<MonitorRunner>();
        builder.Services.AddSingleton<ReplayService>();
        builder.Services.AddHttpClient<ChatCompletionExplainer>();
        builder.Services.AddSingleton<IIncidentExplainer>(services =>
        {
            var explainer = services.GetRequiredService<IOptions<ExplainerOptions>>().Value;
            return explainer.IsChatConfigured
                ? services.GetRequiredService<ChatCompletionExplainer>()
                : new TemplateExplainer();
        });

        builder.Services.AddTransient<MonitorJob>();
        builder.Services.AddQuartz();
        builder.Services.AddHostedService<MonitorSchedule>();
        builder.Services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);

        return builder;
    }
}
