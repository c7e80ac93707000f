using System.Diagnostics;
using System.Text.Json;

namespace Authsome.AppHost.Tests;

/// <summary>
/// Aspire's own manifest publisher (<c>--publisher manifest</c>) run on the built AppHost: what a deployment gets is the
/// PostgreSQL container, or the server given as a connection string, or the MongoDB container; never the local binaries.
/// </summary>
public sealed class ManifestTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("authsome-manifest-").FullName;

    [Fact]
    public async Task Manifest_HoldsPostgresContainerMigratorAndApi()
    {
        var resources = await PublishAsync();

        Assert.Equal("container.v0", Type(resources, "postgres"));
        Assert.Contains("postgres:", resources.GetProperty("postgres").GetProperty("image").GetString(), StringComparison.Ordinal);
        Assert.Equal("{postgres.connectionString};Database=authsome", resources.GetProperty("authsome").GetProperty("connectionString").GetString());
        foreach (var project in (string[])["migrator", "api"])
        {
            Assert.Equal("project.v0", Type(resources, project));
            var env = resources.GetProperty(project).GetProperty("env");
            Assert.Equal("{authsome.connectionString}", env.GetProperty("ConnectionStrings__authsome").GetString());
            Assert.False(env.TryGetProperty("AUTHSOME_PASSWORD", out _), "only the connection string carries the password");
        }

        var api = resources.GetProperty("api");
        Assert.Equal("false", api.GetProperty("env").GetProperty("Authsome__MigrateOnStart").GetString());
        Assert.True(api.GetProperty("bindings").GetProperty("http").GetProperty("external").GetBoolean());
    }

    [Fact]
    public async Task Manifest_HoldsConnectionStringParameter_WhenServerIsConfigured()
    {
        var resources = await PublishAsync("--ConnectionStrings:authsome=Host=db.example.com;Username=authsome");

        Assert.False(resources.TryGetProperty("postgres", out _));
        Assert.Equal("parameter.v0", Type(resources, "authsome"));
        Assert.Equal("{authsome.connectionString}", resources.GetProperty("api").GetProperty("env").GetProperty("ConnectionStrings__authsome").GetString());
    }

    [Fact]
    public async Task Manifest_HoldsMongoContainerAndDatabase_WhenStoreIsMongo()
    {
        var resources = await PublishAsync("--Authsome:Store=mongo");

        Assert.False(resources.TryGetProperty("postgres", out _));
        Assert.Equal("container.v0", Type(resources, "mongo"));
        Assert.Equal("docker.io/library/mongo:8.0", resources.GetProperty("mongo").GetProperty("image").GetString());
        Assert.Equal(
            "mongodb://admin:{mongo-password-uri-encoded.value}@{mongo.bindings.tcp.host}:{mongo.bindings.tcp.port}/authsome?authSource=admin&authMechanism=SCRAM-SHA-256",
            resources.GetProperty("authsome").GetProperty("connectionString").GetString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string? Type(JsonElement resources, string name) => resources.GetProperty(name).GetProperty("type").GetString();

    private async Task<JsonElement> PublishAsync(params string[] arguments)
    {
        var output = Path.Combine(_directory, $"manifest-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "Authsome.AppHost"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        foreach (var argument in (string[])["--publisher", "manifest", "--output-path", output, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, $"the publisher exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
        return manifest.RootElement.GetProperty("resources").Clone();
    }
}
