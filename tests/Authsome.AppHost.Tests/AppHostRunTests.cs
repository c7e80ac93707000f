using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Authsome.AppHost.Tests;

/// <summary>The AppHost with no database configured on a machine without a container runtime.</summary>
public sealed class AppHostRunTests(RunningAppHost appHost) : IClassFixture<RunningAppHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_signs_up_and_signs_in_through_its_endpoint()
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
    public void Migrator_finished_with_exit_code_0_before_the_api_started()
    {
        var migrator = appHost.Snapshot("migrator");
        var api = appHost.Snapshot("api");

        Assert.Equal(KnownResourceStates.Finished, migrator.State?.Text);
        Assert.Equal(0, migrator.ExitCode);
        Assert.NotNull(migrator.StopTimeStamp);
        Assert.NotNull(api.StartTimeStamp);
        Assert.True(migrator.StopTimeStamp <= api.StartTimeStamp, $"migrator stopped at {migrator.StopTimeStamp:O}, api started at {api.StartTimeStamp:O}");
        Assert.Equal(KnownResourceStates.Running, api.State?.Text);
        Assert.Equal(HealthStatus.Healthy, api.HealthStatus);
    }

    [Fact]
    public void Postgres_is_the_local_binaries_resource_running_and_healthy()
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
    public async Task Api_reports_the_connection_string_of_the_authsome_database()
    {
        var connectionString = await appHost.App.GetConnectionStringAsync("authsome", Ct);

        Assert.NotNull(connectionString);
        Assert.Contains("Database=authsome", connectionString, StringComparison.Ordinal);
    }
}
