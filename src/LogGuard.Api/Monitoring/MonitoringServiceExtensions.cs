using System.ClientModel;
using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.Explanations;
using LogGuard.Api.Retention;
using LogGuard.Data;
using LogGuard.Data.Audit;
using LogGuard.Data.Monitoring;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using Quartz;

namespace LogGuard.Api.Monitoring;

public static class MonitoringServiceExtensions
{
    /// <summary>
    /// The self-monitor (baseline, window signals, state machine, incidents, explanations) and the audit retention,
    /// with the Quartz scheduler that runs both.
    /// </summary>
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
        builder.Services.AddQuartz(quartz => UseClusteredStoreOnPostgres(quartz, builder.Configuration));
        builder.Services.AddHostedService<MonitorSchedule>();

        builder.Services.AddSingleton(services => new AuditRetention(
            services.GetRequiredService<IOptions<AuditOptions>>().Value, services.GetRequiredService<MonitoringOptions>()));
        builder.Services.AddTransient<RetentionJob>();
        builder.Services.AddHostedService<RetentionSchedule>();
        builder.Services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);

        return builder;
    }

    // With PostgreSQL several instances share one database, and the monitor must run once per interval between them:
    // Quartz's clustered job store (its tables come with the migrations) lets one instance fire each run, and
    // another take the schedule over when that one stops checking in. SQLite means one instance; memory will do.
    private static void UseClusteredStoreOnPostgres(IQuartzBuilder quartz, IConfiguration configuration)
    {
        var database = DataServiceCollectionExtensions.ReadDatabaseOptions(configuration);
        if (database.Provider != DatabaseProviders.Postgres)
        {
            return;
        }

        var monitoring = configuration.GetSection(DataServiceCollectionExtensions.SectionPath(MonitoringOptions.SectionName)).Get<MonitoringOptions>() ?? new MonitoringOptions();
        var interval = TimeSpan.FromSeconds(monitoring.IntervalSeconds);
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(database.EffectiveConnectionString);
            store.UseClustering(cluster =>
            {
                // A dead instance's schedule is taken over within about half an interval, well inside the two
                // intervals an operator is promised, at one small write per instance every quarter interval.
                cluster.CheckinInterval = Clamp(interval / 4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));
                cluster.CheckinMisfireThreshold = Clamp(interval / 4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));
            });
        });
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

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
