using System.Text.Json;
using System.Text.RegularExpressions;

namespace Authsome.AppHost.Tests;

/// <summary><c>--publisher manifest --output-path FILE</c>: the deployment manifest of the graph, with nothing started.</summary>
public sealed partial class ManifestTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("authsome-manifest-").FullName;

    [Fact]
    public async Task Manifest_HoldsEveryResourceWithItsTypeAndReferences()
    {
        using var manifest = await PublishAsync();
        var resources = manifest.RootElement.GetProperty("resources");

        Assert.Equal("https://json.schemastore.org/aspire-8.0.json", manifest.RootElement.GetProperty("$schema").GetString());
        Assert.Equal(
            new[] { "postgres", "authsome", "migrator", "api", "postgres-password" },
            resources.EnumerateObject().Select(r => r.Name));

        var postgres = resources.GetProperty("postgres");
        Assert.Equal("container.v0", postgres.GetProperty("type").GetString());
        Assert.StartsWith("docker.io/library/postgres:", postgres.GetProperty("image").GetString(), StringComparison.Ordinal);
        Assert.Equal("{postgres-password.value}", postgres.GetProperty("env").GetProperty("POSTGRES_PASSWORD").GetString());
        Assert.Equal(5432, postgres.GetProperty("bindings").GetProperty("tcp").GetProperty("targetPort").GetInt32());
        Assert.Equal(
            "Host={postgres.bindings.tcp.host};Port={postgres.bindings.tcp.port};Username=postgres;Password={postgres-password.value}",
            postgres.GetProperty("connectionString").GetString());

        var database = resources.GetProperty("authsome");
        Assert.Equal("value.v0", database.GetProperty("type").GetString());
        Assert.Equal("{postgres.connectionString};Database=authsome", database.GetProperty("connectionString").GetString());

        var migrator = resources.GetProperty("migrator");
        Assert.Equal("project.v0", migrator.GetProperty("type").GetString());
        Assert.EndsWith("Authsome.Migrator.csproj", ProjectPath(migrator), StringComparison.Ordinal);
        Assert.True(File.Exists(ProjectPath(migrator)));
        Assert.Equal("{authsome.connectionString}", migrator.GetProperty("env").GetProperty("ConnectionStrings__authsome").GetString());
        Assert.False(migrator.TryGetProperty("bindings", out _), "a worker has no bindings");

        var api = resources.GetProperty("api");
        Assert.Equal("project.v0", api.GetProperty("type").GetString());
        Assert.True(File.Exists(ProjectPath(api)));
        var env = api.GetProperty("env");
        Assert.Equal("{authsome.connectionString}", env.GetProperty("ConnectionStrings__authsome").GetString());
        Assert.Equal("false", env.GetProperty("Authsome__MigrateOnStart").GetString());
        Assert.Equal("{api.bindings.http.targetPort}", env.GetProperty("HTTP_PORTS").GetString());
        Assert.Equal("true", env.GetProperty("ASPNETCORE_FORWARDEDHEADERS_ENABLED").GetString());
        Assert.False(env.TryGetProperty("ASPNETCORE_URLS", out _), "run-mode settings stay out of the manifest");
        var http = api.GetProperty("bindings").GetProperty("http");
        Assert.Equal("http", http.GetProperty("scheme").GetString());
        Assert.True(http.GetProperty("external").GetBoolean());

        var password = resources.GetProperty("postgres-password");
        Assert.Equal("parameter.v0", password.GetProperty("type").GetString());
        Assert.Equal("{postgres-password.inputs.value}", password.GetProperty("value").GetString());
        var input = password.GetProperty("inputs").GetProperty("value");
        Assert.True(input.GetProperty("secret").GetBoolean());
        Assert.Equal(22, input.GetProperty("default").GetProperty("generate").GetProperty("minLength").GetInt32());
    }

    [Fact]
    public async Task Manifest_PlaceholdersNameItsResources()
    {
        using var manifest = await PublishAsync();
        var resources = manifest.RootElement.GetProperty("resources");
        var names = resources.EnumerateObject().Select(r => r.Name).ToHashSet();

        var referenced = Placeholder().Matches(manifest.RootElement.GetRawText()).Select(m => m.Groups["resource"].Value).ToList();

        Assert.NotEmpty(referenced);
        Assert.All(referenced, name => Assert.Contains(name, names));
    }

    [Fact]
    public async Task Publish_Fails_WhenOutputPathIsMissing()
    {
        await using var appHost = AppHostProcess.Start(null, "--publisher", "manifest");

        Assert.NotEqual(0, await appHost.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("--output-path", appHost.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<JsonDocument> PublishAsync()
    {
        var path = Path.Combine(_directory, "manifest.json");
        await using var appHost = AppHostProcess.Start(null, "--publisher", "manifest", "--output-path", path);
        Assert.True(await appHost.WaitForExitAsync(TimeSpan.FromMinutes(1)) == 0, appHost.Output);
        Assert.DoesNotContain("started (process", appHost.Output, StringComparison.Ordinal);
        return JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    private string ProjectPath(JsonElement project) =>
        Path.GetFullPath(Path.Combine(_directory, project.GetProperty("path").GetString()!));

    [GeneratedRegex(@"\{(?<resource>[a-z][a-z0-9-]*)\.(?:connectionString|bindings|value|inputs)")]
    private static partial Regex Placeholder();
}
