using Authsome.AppHost.Orchestration;

namespace Authsome.AppHost.Tests;

/// <summary>The graph of AppHost/Program.cs and the environment each child would get, with nothing started.</summary>
public sealed class GraphTests
{
    private const string GivenServer = "Host=db.example;Port=5433;Username=authsome;Password=not-a-secret";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Graph_IsPostgresThenMigratorThenApi()
    {
        await using var app = AppHostGraph.Build($"--ConnectionStrings:postgres={GivenServer}");

        Assert.Equal(new[] { "postgres", "authsome", "migrator", "api" }, app.Builder.Resources.Select(r => r.Name));
        var database = app.Resource<PostgresDatabaseResource>("authsome");
        Assert.Equal("postgres", database.Parent.Name);
        var migrator = app.Resource<ProjectResource>("migrator");
        Assert.Equal(new WaitAnnotation(database, WaitType.WaitUntilHealthy), Assert.Single(migrator.Waits));
        Assert.Null(migrator.HttpEndpoint);
        var api = app.Resource<ProjectResource>("api");
        Assert.Equal(new WaitAnnotation(migrator, WaitType.WaitUntilCompleted, 0), Assert.Single(api.Waits));
        Assert.Equal("/health", api.HealthCheckPath);
        Assert.True(api.HttpEndpoint!.IsExternal);
        Assert.Null(app.Resource<PostgresServerResource>("postgres").Source);
    }

    [Fact]
    public async Task Children_GetConnectionStringTelemetryAndLaunchProfileEnvironment()
    {
        await using var app = AppHostGraph.Build($"--ConnectionStrings:postgres={GivenServer}", "--AppHost:RandomizePorts=true");
        var migrator = await app.Resource<ProjectResource>("migrator").GetEnvironmentVariableValuesAsync(app.Builder, Ct);
        var apiResource = app.Resource<ProjectResource>("api");
        var api = await apiResource.GetEnvironmentVariableValuesAsync(app.Builder, Ct);

        var expected = GivenServer + ";Database=authsome";
        Assert.Equal(expected, migrator["ConnectionStrings__authsome"]);
        Assert.Equal(expected, api["ConnectionStrings__authsome"]);
        Assert.Equal("migrator", migrator["OTEL_SERVICE_NAME"]);
        Assert.Equal("api", api["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("service.instance.id=api-", api["OTEL_RESOURCE_ATTRIBUTES"], StringComparison.Ordinal);
        Assert.Equal("in_memory", api["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"]);
        Assert.Equal("simple", api["LOGGING__CONSOLE__FORMATTERNAME"]);
        Assert.Equal($"http://localhost:{apiResource.HttpEndpoint!.Port}", api["ASPNETCORE_URLS"]);
        Assert.False(migrator.ContainsKey("ASPNETCORE_URLS"));
        Assert.Equal("false", api["Authsome__MigrateOnStart"]);
        Assert.False(migrator.ContainsKey("Authsome__MigrateOnStart"));
        Assert.Equal("Development", api["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("http", api["DOTNET_LAUNCH_PROFILE"]);
        Assert.Equal("Development", migrator["DOTNET_ENVIRONMENT"]);
        Assert.False(api.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    [Fact]
    public async Task OtlpEndpoint_IsTheCollector_WhenOneIsConfigured()
    {
        await using var app = AppHostGraph.Build(
            $"--ConnectionStrings:postgres={GivenServer}", "--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:4317", "--AppHost:OtlpApiKey=k3y");

        var api = await app.Resource<ProjectResource>("api").GetEnvironmentVariableValuesAsync(app.Builder, Ct);

        Assert.Equal("http://localhost:4317", api["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("grpc", api["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("x-otlp-api-key=k3y", api["OTEL_EXPORTER_OTLP_HEADERS"]);
    }

    [Fact]
    public async Task Environment_CannotBeResolved_BeforeLocalServerIsProvisioned()
    {
        await using var app = AppHostGraph.Build();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => app.Resource<ProjectResource>("migrator").GetEnvironmentVariableValuesAsync(app.Builder, Ct));

        Assert.Contains("not been provisioned", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mongo_ReplacesPostgresAndKeepsHostsAndOptions_WhenConfigured()
    {
        await using var app = AppHostGraph.Build("--ConnectionStrings:mongo=mongodb://h1:27017,h2:27017/admin?replicaSet=rs0");

        Assert.Equal(new[] { "mongo", "authsome", "migrator", "api" }, app.Builder.Resources.Select(r => r.Name));
        var api = await app.Resource<ProjectResource>("api").GetEnvironmentVariableValuesAsync(app.Builder, Ct);
        Assert.Equal("mongodb://h1:27017,h2:27017/authsome?replicaSet=rs0", api["ConnectionStrings__authsome"]);
    }
}
