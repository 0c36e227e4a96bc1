using System.Net;
using System.Net.Http.Json;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Data;
using LogGuard.Testing.Databases;
using LogGuard.Core.Monitoring.Explanations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LogGuard.Api.Tests;

/// <summary>The explainer runs after the decision and can never change it: failing or hanging loses only its text.</summary>
public sealed class ExplainerIsolationTests
{
    // Each misbehaviour on each provider; PostgreSQL only where its server is installed (other tests say when not).
    public static TheoryData<string, string> Behaviours()
    {
        var cases = new TheoryData<string, string>();
        string[] providers = PostgresServer.UnavailableReason is null ? [DatabaseProviders.Sqlite, DatabaseProviders.Postgres] : [DatabaseProviders.Sqlite];
        foreach (var behaviour in new[] { "throws", "hangs" })
        {
            foreach (var provider in providers)
            {
                cases.Add(behaviour, provider);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Behaviours))]
    public async Task Explainer_FailsOrHangs_StateAndIncidentAreUnaffected(string behaviour, string provider)
    {
        var explainer = new MisbehavingExplainer(behaviour);
        using var factory = new LogGuardFactory(
            new Dictionary<string, string?>
            {
                ["LogGuard:Security:AdminApiKey"] = "key",
                ["LogGuard:Explainer:TimeoutSeconds"] = "1",
            },
            provider,
            services: services => services.AddSingleton<IIncidentExplainer>(explainer));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "key");

        var forced = await client.PostAsJsonAsync("/admin/state", new { state = "DEGRADED", reason = "drill" });

        forced.StatusCode.Should().Be(HttpStatusCode.OK);
        await explainer.Called.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2)); // past the explainer timeout: a hanging explainer has been given up by now
        var state = await (await client.GetAsync("/state")).JsonAsync();
        state["state"]!.GetValue<string>().Should().Be("DEGRADED");
        var incidentId = state["openIncidentId"]!.GetValue<long>();
        var incident = await (await client.GetAsync($"/incidents/{incidentId}")).JsonAsync();
        incident["fallbackActivated"]!.GetValue<bool>().Should().BeTrue();
        incident["explanations"]!.AsArray().Should().BeEmpty();
        (await factory.QueryAsync(db => db.StateTransitions.CountAsync())).Should().Be(1);
        (await client.PostLinesAsync(["still answering"])).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Shutdown_WithAnExplanationStillBeingWritten_WaitsForItBeforeStopping(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var explainer = new SlowExplainer();
        using (var factory = new LogGuardFactory(
            new Dictionary<string, string?> { ["LogGuard:Security:AdminApiKey"] = "key" },
            database: database,
            services: services => services.AddSingleton<IIncidentExplainer>(explainer)))
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", "key");
            (await client.PostAsJsonAsync("/admin/state", new { state = "DEGRADED", reason = "drill" })).StatusCode.Should().Be(HttpStatusCode.OK);
            await explainer.Called.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // The host has stopped; the explanation that was in progress is stored all the same.
        await using var db = database.OpenContext();
        (await db.IncidentExplanations.Select(row => row.Summary).ToListAsync()).Should().Equal("written slowly");
    }

    private sealed class SlowExplainer : IIncidentExplainer
    {
        public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "slow";

        public async Task<Explanation> ExplainAsync(IncidentEvidence evidence, CancellationToken cancellationToken)
        {
            Called.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return new Explanation("written slowly", "none");
        }
    }

    private sealed class MisbehavingExplainer(string behaviour) : IIncidentExplainer
    {
        public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "misbehaving";

        public async Task<Explanation> ExplainAsync(IncidentEvidence evidence, CancellationToken cancellationToken)
        {
            Called.TrySetResult();
            if (behaviour == "throws")
            {
                throw new InvalidOperationException("explainer down");
            }

            await Task.Delay(Timeout.Infinite, CancellationToken.None); // ignores cancellation on purpose
            return new Explanation("never", "never");
        }
    }
}
