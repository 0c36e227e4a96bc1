using LogGuard.Core.Detection;
using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Rules;
using LogGuard.Data;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Detection;

public static partial class DetectionServiceExtensions
{
    /// <summary>The rules, the model and the hybrid decision, configured from the Rules, Model, Hybrid and Detection sections.</summary>
    public static IHostApplicationBuilder AddLogGuardDetection(this IHostApplicationBuilder builder)
    {
        AddValidatedOptions<RuleOptions>(builder, RuleOptions.SectionName);
        AddValidatedOptions<ModelOptions>(builder, ModelOptions.SectionName);
        AddValidatedOptions<HybridOptions>(builder, HybridOptions.SectionName);
        AddValidatedOptions<DetectionOptions>(builder, DetectionOptions.SectionName);

        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<RuleOptions>>().Value;
            return RuleSetLoader.LoadFile(Path.Combine(contentRoot, options.FilePath), options);
        });
        builder.Services.AddSingleton<IModelScorer>(services =>
        {
            var options = services.GetRequiredService<IOptions<ModelOptions>>().Value;
            var scorer = MlNetModelScorer.Load(Path.Combine(contentRoot, options.Directory), options.Kind);
            if (!scorer.IsAvailable)
            {
                LogModelUnavailable(services.GetRequiredService<ILoggerFactory>().CreateLogger("LogGuard.Model"), scorer.UnavailableReason!);
            }

            return scorer.IsAvailable && options.ScoreCacheSlots > 0 ? new CachingModelScorer(scorer, options.ScoreCacheSlots) : scorer;
        });
        builder.Services.AddSingleton(services => new HybridDecider(services.GetRequiredService<IOptions<HybridOptions>>().Value));
        builder.Services.AddSingleton<Detector>();
        return builder;
    }

    private static void AddValidatedOptions<T>(IHostApplicationBuilder builder, string section)
        where T : class =>
        builder.Services.AddOptions<T>().BindConfiguration(DataServiceCollectionExtensions.SectionPath(section)).ValidateDataAnnotations().ValidateOnStart();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model is not available ({Reason}); every verdict will come from the rules alone")]
    private static partial void LogModelUnavailable(ILogger logger, string reason);
}
