using System.Data.Common;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Rules;
using LogGuard.Core.Monitoring;
using LogGuard.Data;
using LogGuard.Data.Audit;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Infrastructure;

/// <summary>
/// Once the server listens, one line says what an operator checks first: where, on which database (never its
/// credentials), with which model and rules, in which state.
/// </summary>
internal sealed partial class StartupReport(
    IServer server, IOptions<DatabaseOptions> database, ActiveModel model, RuleSet rules, SystemStateCache states, ILogger<StartupReport> logger)
    : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        string state;
        try
        {
            state = (await states.GetAsync(cancellationToken)).State.Name();
        }
        catch (AuditUnavailableException)
        {
            state = "unknown (database unreachable)";
        }

        var current = model.Current;
        var listening = string.Join(", ", addresses);
        var where = Describe(database.Value.EffectiveConnectionString);
        LogStarted(logger, listening, database.Value.Provider, where, current.IsAvailable ? current.Version : "none (rules only)", rules.Version, state);
    }

    private static readonly string[] LocationKeys = ["Data Source", "Host", "Port", "Database"];

    // Where the data is, without what lets one in.
    private static string Describe(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var parts = LocationKeys
            .Where(builder.ContainsKey)
            .Select(key => $"{key}={builder[key]}");
        return string.Join(";", parts);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "LogGuard listening on {Addresses}; database {Provider} ({Database}); model {Model}; rules {Rules}; state {State}")]
    private static partial void LogStarted(ILogger logger, string addresses, string provider, string database, string model, string rules, string state);
}
