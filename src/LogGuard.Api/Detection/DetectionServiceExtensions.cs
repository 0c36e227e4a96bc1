using LogGuard.Core.Detection;
using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Rules;
using LogGuard.Api.Models;
using LogGuard.Data;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Detection;

public static class DetectionServiceExtensions
{
    /// <summary>The service key of the model that scores in shadow.</summary>
    public const string ChallengerKey = "challenger";

    /// <summary>The rules, the model and the hybrid decision, configured from the Rules, Model, Hybrid and Detection sections.</summary>
    public static IHostApplicationBuilder AddLogGuardDetection(this IHostApplicationBuilder builder)
    {
        AddValidatedOptions<RuleOptions>(builder, RuleOptions.SectionName);
        AddValidatedOptions<ModelOptions>(builder, ModelOptions.SectionName);
        AddValidatedOptions<HybridOptions>(builder, HybridOptions.SectionName);
        AddValidatedOptions<DetectionOptions>(builder, DetectionOptions.SectionName);
        AddValidatedOptions<Ingestion.IngestionOptions>(builder, Ingestion.IngestionOptions.SectionName);

        // Every shipper can gzip its bodies; the body limit is applied to what decompression yields.
        builder.Services.AddRequestDecompression();

        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<RuleOptions>>().Value;
            return RuleSetLoader.LoadFile(Path.Combine(contentRoot, options.FilePath), options);
        });
        builder.Services.AddSingleton<ModelCanary>();
        builder.Services.AddSingleton<ModelCatalog>();
        builder.Services.AddSingleton(services => new ActiveModel(services.GetRequiredService<ModelCatalog>().Load()));
        builder.Services.AddKeyedSingleton(ChallengerKey, (services, _) => new ActiveModel(services.GetRequiredService<ModelCatalog>().LoadChallenger()));
        builder.Services.AddSingleton(services => new HybridDecider(services.GetRequiredService<IOptions<HybridOptions>>().Value));
        builder.Services.AddSingleton(services => new Detector(
            services.GetRequiredService<RuleSet>(),
            services.GetRequiredService<ActiveModel>(),
            services.GetRequiredService<HybridDecider>(),
            services.GetRequiredKeyedService<ActiveModel>(ChallengerKey)));
        builder.Services.AddSingleton<LineScreener>();
        return builder;
    }

    private static void AddValidatedOptions<T>(IHostApplicationBuilder builder, string section)
        where T : class =>
        builder.Services.AddOptions<T>().BindConfiguration(DataServiceCollectionExtensions.SectionPath(section)).ValidateDataAnnotations().ValidateOnStart();
}
