using LogGuard.Data;

namespace LogGuard.Api.Admin;

public static class AdminServiceExtensions
{
    public static IHostApplicationBuilder AddLogGuardAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(DataServiceCollectionExtensions.SectionPath(SecurityOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
