using System.ClientModel;
using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.Explanations;
using LogGuard.Data;
using LogGuard.Data.Monitoring;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using Quartz;

namespace LogGuard.Api.Monitoring;

public static class MonitoringServiceExtensions
{
    /// <summary>The self-monitor: baseline, window signals, state machine, incidents, explanations, and the Quartz job that runs them.</summary>
    public static IHostApplicationBuilder AddLogGuardMonitoring(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MonitoringOptions>().BindConfiguration(DataServiceCollectionExtensions.SectionPath(MonitoringOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ExplainerOptions>().BindConfiguration(DataServiceCollectionExtensions.SectionPath(ExplainerOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<MonitoringOptions>>().Value);
        builder.Services.AddSingleton<TrafficAggregator>();
        builder.Services.AddSingleton<BaselineStore>();
        builder.Services.AddSingleton<MonitorService>();
        builder.Services.AddSingleton<ReplayService>();
        builder.AddIncidentExplanations();

        builder.Services.AddTransient<MonitorJob>();
        builder.Services.AddQuartz();
        builder.Services.AddHostedService<MonitorSchedule>();
        builder.Services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);

        return builder;
    }

    private static void AddIncidentExplanations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IncidentExplanationQueue>();
        builder.Services.AddHostedService<IncidentExplanationWorker>();

        // Built only when a chat endpoint is configured; the choice is made from the final configuration.
        builder.Services.AddChatClient(services =>
        {
            var settings = services.GetRequiredService<IOptions<ExplainerOptions>>().Value;
            var credential = new ApiKeyCredential(settings.ApiKey is { Length: > 0 } key ? key : "none");
            return new OpenAIClient(credential, new OpenAIClientOptions { Endpoint = settings.Endpoint }).GetChatClient(settings.Model).AsIChatClient();
        });
        builder.Services.AddSingleton<IIncidentExplainer>(services =>
        {
            var settings = services.GetRequiredService<IOptions<ExplainerOptions>>();
            return settings.Value.IsChatConfigured
                ? new ChatExplainer(services.GetRequiredService<IChatClient>(), settings)
                : new TemplateExplainer();
        });
    }
}
