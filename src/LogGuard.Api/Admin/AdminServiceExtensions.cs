using LogGuard.Api.Models;
using LogGuard.Core.Detection.Model;
using LogGuard.Data;

namespace LogGuard.Api.Admin;

public static class AdminServiceExtensions
{
    public static IHostApplicationBuilder AddLogGuardAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PromotionOptions>().BindConfiguration(DataServiceCollectionExtensions.SectionPath(PromotionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ModelPromotion>();
        builder.Services.AddSingleton<PromotionFollower>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PromotionFollower>());
        return builder;
    }
}
