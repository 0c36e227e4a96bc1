using LogGuard.Data;

namespace LogGuard.Api.Analysis;

public static class AnalysisServiceExtensions
{
    /// <summary>Live quality and the review queue, bounded by the Analysis section.</summary>
    public static IHostApplicationBuilder AddLogGuardAnalysis(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnalysisOptions>().BindConfiguration(DataServiceCollectionExtensions.SectionPath(AnalysisOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
