using LogGuard.Api.Dashboard;
using LogGuard.Api.Security;
using LogGuard.Data;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace LogGuard.Api.Infrastructure;

public static class HostingExtensions
{
    /// <summary>Where the service listens unless ASPNETCORE_URLS, --urls or Kestrel endpoints say otherwise: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddLogGuardHosting(this WebApplicationBuilder builder)
    {
        // The service runs from the repository root (models/ and data/ resolve there), so the appsettings.json
        // shipped beside the binary is added first: an appsettings.json in the working folder, environment
        // variables and the command line all override it.
        var shipped = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = Path.Combine(AppContext.BaseDirectory, "appsettings.json"),
            Optional = true,
            ReloadOnChange = false,
        };
        shipped.ResolveFileProvider();
        builder.Configuration.Sources.Insert(0, shipped);

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddOptions<LogOutputOptions>().BindConfiguration(DataServiceCollectionExtensions.SectionPath(LogOutputOptions.SectionName)).ValidateOnStart();

        // The static logger stays the bootstrap one: several hosts in one process (tests) must not freeze it twice.
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
                if (services.GetRequiredService<IOptions<LogOutputOptions>>().Value.Json)
                {
                    logger.WriteTo.Console(new RenderedCompactJsonFormatter());
                }
                else
                {
                    logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
                }
            },
            preserveStaticLogger: true);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<StartupReport>();
        builder.Services.AddProblemDetails();

        // Outside Development, minimal APIs answer a body or parameter they cannot bind with a bare 400; thrown,
        // it reaches the exception handler, which names what was wrong and where.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<KnownExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, LogGuardJsonContext.Default));
        builder.AddLogGuardOpenApi();
        return builder;
    }

    public static WebApplication UseLogGuardPipeline(this WebApplication app)
    {
        // Request logging wraps the exception handler, so it records the status the client was given (a 503
        // for an audit failure), not the exception on its way to the handler.
        app.UseSerilogRequestLogging(options =>
        {
            // The host's own logger: the static one is only the start-up console logger.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // Successful requests log at Debug: at thousands of requests a second, one console line each would cost more than the work.
            options.GetLevel = (http, _, exception) =>
                exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : http.Response.StatusCode >= 400 ? LogEventLevel.Information
                : LogEventLevel.Debug;
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseLogGuardSecurity();
        app.UseLogGuardDashboard();

        // After the client is known: nobody's gzip is inflated before its key has been checked.
        app.UseRequestDecompression();
        app.UseMiddleware<Observability.IngestionMetricsMiddleware>();
        app.UseMiddleware<Ingestion.IdempotencyMiddleware>();
        app.Use((http, next) =>
        {
            http.Response.Headers["X-Request-Id"] = http.TraceIdentifier;
            return next(http);
        });
        app.UseLogGuardOpenApi();
        return app;
    }
}
