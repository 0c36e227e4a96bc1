using System.Net;
using System.Reflection;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Data;
using LogGuard.Testing.Databases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using YamlDotNet.RepresentationModel;

namespace LogGuard.Api.Tests;

/// <summary>
/// docker-compose.yml and the Dockerfile are for users (no Docker engine runs here), so they are read and held to
/// what the application reads: service names, ports, environment keys and the health checks cannot rot silently.
/// </summary>
public sealed class DeploymentFilesTests
{
    private static readonly YamlMappingNode Compose = LoadCompose();
    private static readonly string[] Dockerfile = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "Dockerfile"));

    private static YamlMappingNode Services => (YamlMappingNode)Compose["services"];

    private static YamlMappingNode LogGuard => (YamlMappingNode)Services["logguard"];

    private static YamlMappingNode Postgres => (YamlMappingNode)Services["postgres"];

    [Fact]
    public void Compose_Postgres_HasAHealthCheckAndANamedVolume()
    {
        Text(Postgres["healthcheck"]["test"]).Should().Contain("pg_isready");
        var volume = ((YamlSequenceNode)Postgres["volumes"]).Children.Select(node => ((YamlScalarNode)node).Value!).Single();
        volume.Should().EndWith(":/var/lib/postgresql/data");
        ((YamlMappingNode)Compose["volumes"]).Children.Keys.Select(key => ((YamlScalarNode)key).Value).Should().Contain(volume.Split(':')[0]);
        ((YamlScalarNode)LogGuard["depends_on"]["postgres"]["condition"]).Value.Should().Be("service_healthy");
    }

    [Fact]
    public void Compose_ConnectionString_NamesThePostgresServiceItsDatabaseAndItsUser()
    {
        var connection = new NpgsqlConnectionStringBuilder(Environment(LogGuard)["ConnectionStrings__LogGuard"]);
        var postgres = Environment(Postgres);

        Services.Children.Keys.Select(key => ((YamlScalarNode)key).Value).Should().Contain(connection.Host);
        connection.Database.Should().Be(postgres["POSTGRES_DB"]);
        connection.Username.Should().Be(postgres["POSTGRES_USER"]);
        Environment(LogGuard)["LogGuard__Database__Provider"].Should().Be(DatabaseProviders.Postgres);
    }

    [Fact]
    public void Compose_AndDockerfile_AgreeOnThePortTheServiceListensOn()
    {
        var listens = new Uri(DockerfileEnvironment()["ASPNETCORE_URLS"]);
        var published = ((YamlSequenceNode)LogGuard["ports"]).Children.Select(node => ((YamlScalarNode)node).Value!).Single();

        listens.Host.Should().Be("0.0.0.0", "inside the container the service must be reachable from other containers");
        Dockerfile.Should().Contain($"EXPOSE {listens.Port}");
        published.Should().StartWith("127.0.0.1:", "the host publishes it on loopback unless the operator says otherwise").And.EndWith($":{listens.Port}");
        Text(LogGuard["healthcheck"]["test"]).Should().Contain($"/dev/tcp/127.0.0.1/{listens.Port}").And.Contain("GET /health/ready");
    }

    [Fact]
    public void Dockerfile_BuildsInTheSdkImageAndRunsTheServiceAsANonRootUser()
    {
        var stages = Dockerfile.Where(line => line.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        stages.Should().HaveCount(2).And.Subject.First().Should().Contain("dotnet/sdk");
        stages[^1].Should().Contain("dotnet/aspnet");
        Dockerfile.Should().Contain(line => line.StartsWith("USER ", StringComparison.Ordinal) && !line.Contains("root", StringComparison.Ordinal));
        Dockerfile.Should().Contain(line => line.StartsWith("ENTRYPOINT", StringComparison.Ordinal) && line.Contains(typeof(Program).Assembly.GetName().Name + ".dll", StringComparison.Ordinal));
        Dockerfile.Should().Contain("COPY models/ ./models/");
    }

    // Every LogGuard__Section__Key set for the container must be a setting some options class binds, or it is a typo.
    [Fact]
    public void EveryLogGuardSettingInTheDeploymentFiles_IsOneTheServiceReads()
    {
        var keys = Environment(LogGuard).Keys.Concat(DockerfileEnvironment().Keys).Where(key => key.StartsWith("LogGuard__", StringComparison.Ordinal)).ToList();
        var options = typeof(Program).Assembly.GetReferencedAssemblies().Select(Assembly.Load).Append(typeof(Program).Assembly)
            .Where(assembly => assembly.GetName().Name!.StartsWith("LogGuard", StringComparison.Ordinal))
            .SelectMany(assembly => assembly.GetTypes())
            .Select(type => (Type: type, Section: type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(pair => pair.Section is not null)
            .ToList();

        keys.Should().NotBeEmpty();
        foreach (var key in keys)
        {
            var parts = key.Split("__");
            options.Should().Contain(
                pair => pair.Section == parts[1] && pair.Type.GetProperty(parts[2], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) != null,
                $"{key} must name a setting of the {parts[1]} section");
        }
    }

    [Theory]
    [PostgresData]
    public async Task TheComposeSettings_StartTheServiceOnPostgresAndItsHealthCheckAnswers(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var settings = Environment(LogGuard)
            .Where(pair => pair.Key.StartsWith("LogGuard__", StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key.Replace("__", ":", StringComparison.Ordinal), pair => (string?)pair.Value);
        settings["LogGuard:Security:AdminApiKey"] = "compose-test-key"; // the file leaves it to the operator
        using var factory = new LogGuardFactory(settings, database: database);

        var ready = await factory.CreateClient().GetAsync("/health/ready");

        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        factory.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider.Should().Be(DatabaseProviders.Postgres);
    }

    private static YamlMappingNode LoadCompose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string Text(YamlNode node) => node is YamlSequenceNode sequence
        ? string.Join(' ', sequence.Children.Select(child => ((YamlScalarNode)child).Value))
        : ((YamlScalarNode)node).Value!;

    // Compose substitutes ${NAME:?message} from the operator's environment; for these checks a placeholder will do.
    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        ((YamlMappingNode)service["environment"]).Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value!,
            pair => System.Text.RegularExpressions.Regex.Replace(((YamlScalarNode)pair.Value).Value ?? "", @"\$\{[A-Z_]+(:[?-][^}]*)?\}", "placeholder"));

    private static Dictionary<string, string> DockerfileEnvironment()
    {
        var text = string.Join('\n', Dockerfile).Replace("\\\n", " ", StringComparison.Ordinal);
        return text.Split('\n').Where(line => line.StartsWith("ENV ", StringComparison.Ordinal))
            .SelectMany(line => line[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
    }
}
