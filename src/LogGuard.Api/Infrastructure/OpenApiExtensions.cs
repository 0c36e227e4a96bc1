using LogGuard.Data;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace LogGuard.Api.Infrastructure;

public static class OpenApiExtensions
{
    public static WebApplicationBuilder AddLogGuardOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SwaggerOptions>().BindConfiguration(DataServiceCollectionExtensions.SectionPath(SwaggerOptions.SectionName)).ValidateOnStart();
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "LogGuard",
                Version = "v1",
                Description = "Screens server log lines with transparent rules and an ML.NET model, explains every verdict and audits it durably. "
                    + "Errors are RFC 7807 problem details.",
            });

            options.OperationFilter<JsonBodyOperationFilter>();

            // The XML comments of the contracts become the schema descriptions and examples.
            foreach (var assembly in new[] { typeof(Program).Assembly, typeof(Core.Detection.Detector).Assembly })
            {
                var xml = Path.Combine(AppContext.BaseDirectory, $"{assembly.GetName().Name}.xml");
                if (File.Exists(xml))
                {
                    options.IncludeXmlComments(xml);
                }
            }
        });
        return builder;
    }

    public static WebApplication UseLogGuardOpenApi(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SwaggerOptions>>().Value.Enabled)
        {
            app.UseSwagger();
            app.UseSwaggerUI(options => options.DocumentTitle = "LogGuard API");
        }

        return app;
    }
}
