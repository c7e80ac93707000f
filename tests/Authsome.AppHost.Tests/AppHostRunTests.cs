using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Authsome.AppHost.Tests;

/// <summary>The AppHost with no database configured on a machine without a container runtime.</summary>
[Collection(AppHostCollection.Name)]
public sealed class AppHostRunTests(RunningAppHost appHost)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_SignsUpAndSignsIn_ThroughItsEndpoint()
    {
        using var http = appHost.App.CreateHttpClient("api");
        var email = $"ada.{Guid.NewGuid():N}@example.com";

        using var signUp = await http.PostAsJsonAsync("/v1/auth/signup", new { email, password = "Correct-Horse-42" }, Ct);
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        using var signIn = await http.PostAsJsonAsync("/v1/auth/signin", new { email, password = "Correct-Horse-42" }, Ct);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        using var session = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync(Ct));
        Assert.False(string.IsNullOrEmpty(session.RootElement.GetProperty("session_token").GetString()));
    }

    [Fact]
    public void Migrator_FinishesWithExitCode0_BeforeApiRuns()
    {
        var states = appHost.States;
        var migratorFinished = IndexOf(states, s => s.Resource == "migrator" && s.State == KnownResourceStates.Finished && s.ExitCode == 0);
        var apiRunning = IndexOf(states, s => s.Resource == "api" && s.State == KnownResourceStates.Running);

        Assert.True(migratorFinished >= 0, "the migrator never finished with exit code 0:\n" + string.Join('\n', states));
        Assert.True(apiRunning > migratorFinished, "the api started before the migrator finished:\n" + string.Join('\n', states));
        Assert.Equal(KnownResourceStates.Running, appHost.Snapshot("api").State?.Text);
        Assert.Equal(HealthStatus.Healthy, appHost.Snapshot("api").HealthStatus);
    }

    private static int IndexOf<T>(IReadOnlyList<T> items, Func<T, bool> match)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (match(items[i]))
            {
                return i;
            }
        }

        return -1;
    }

    [Fact]
    public void Postgres_IsTheLocalBinariesResourceRunningAndHealthy_WithoutContainerRuntime()
    {
        foreach (var name in (string[])["postgres", "authsome"])
        {
            var snapshot = appHost.Snapshot(name);
            Assert.Contains("local binaries", snapshot.ResourceType, StringComparison.Ordinal);
            Assert.Equal(KnownResourceStates.Running, snapshot.State?.Text);
            Assert.Equal(HealthStatus.Healthy, snapshot.HealthStatus);
        }

        Assert.Contains(appHost.Snapshot("postgres").Properties, p => p.Name == "postgres.version" && p.Value is "15" or not null);
    }

    [Fact]
    public async Task Api_ReachesPostgres_ThroughAspireNpgsql()
    {
        using var http = appHost.App.CreateHttpClient("api");

        using var health = JsonDocument.Parse(await http.GetStringAsync("/health", Ct));

        var checks = health.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("PostgreSql").GetProperty("status").GetString()); // Aspire.Npgsql's check
        Assert.Equal("Healthy", checks.GetProperty("authsome-store").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AuthsomeDatabase_HasConnectionStringWithItsDatabase()
    {
        var connectionString = await appHost.App.GetConnectionStringAsync("authsome", Ct);

        Assert.NotNull(connectionString);
        Assert.Contains("Database=authsome", connectionString, StringComparison.Ordinal);
    }
}
