using LogGuard.Data;
using LogGuard.Data.Feedback;

namespace LogGuard.Api.Feedback;

public static class FeedbackServiceExtensions
{
    /// <summary>Labels from users, configured from the Feedback section.</summary>
    public static IHostApplicationBuilder AddLogGuardFeedback(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeedbackOptions>().BindConfiguration(DataServiceCollectionExtensions.SectionPath(FeedbackOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FeedbackStore>();
        return builder;
    }
}
