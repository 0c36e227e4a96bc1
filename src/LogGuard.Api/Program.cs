using LogGuard.Api.Admin;
using LogGuard.Api.Analysis;
using LogGuard.Api.Detection;
using LogGuard.Api.Feedback;
using LogGuard.Api.Health;
using LogGuard.Api.Ingestion;
using LogGuard.Api.Infrastructure;
using LogGuard.Api.Models;
using LogGuard.Api.Monitoring;
using LogGuard.Api.Observability;
using LogGuard.Api.Security;
using LogGuard.Core.Detection;
using LogGuard.Data;
using Serilog;

// Reports start-up failures only; once the host is built it logs through its own configured logger.
Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddLogGuardHosting();
    builder.AddLogGuardSecurity();
    builder.AddLogGuardDetection();
    builder.AddLogGuardData();
    builder.AddLogGuardMonitoring();
    builder.AddLogGuardHealth();
    builder.AddLogGuardAdmin();
    builder.AddLogGuardFeedback();
    builder.AddLogGuardAnalysis();
    builder.AddLogGuardObservability();

    var app = builder.Build();

    // `dotnet run --project src/LogGuard.Api -- replay`: recompute the states from the stored runs and compare.
    if (args.Contains("replay"))
    {
        return await ReplayCommand.RunAsync(app);
    }

    // Load rules and model now: a bad rules file stops start-up here, with its message, not on the first request.
    app.Services.GetRequiredService<Detector>();

    app.UseLogGuardPipeline();
    app.MapDetectionApi();
    app.MapOtlpApi();
    app.MapModelApi();
    app.MapHealthApi();
    app.MapMonitoringApi();
    app.MapAdminApi();
    app.MapFeedbackApi();
    app.MapAnalysisApi();
    app.MapLogGuardMetrics();

    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is not HostAbortedException)
{
    Log.Fatal(exception, "LogGuard stopped: {Message}", exception.Message);
    return 1;
}
finally
{
    Log.CloseAndFlush();
}

public partial class Program;
