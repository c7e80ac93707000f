using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Hooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Authsome.Api.Tests.Embedding;

public sealed class StartupTests
{
    [Theory]
    [InlineData("Authsome:Sessions:AccessTokenTtl", "00:00:01", "Authsome:Sessions:AccessTokenTtl")]
    [InlineData("Authsome:BasePath", "no-slash", "Authsome:BasePath")]
    [InlineData("Authsome:Lockout:MaxFailedAttempts", "0", "Authsome:Lockout:MaxFailedAttempts")]
    [InlineData("Authsome:Store:Provider", "oracle", "Authsome:Store:Provider")]
    [InlineData("Authsome:Verification:LinkTemplate", "https://example.com/verify", "Authsome:Verification:LinkTemplate")]
    public async Task ABadSettingFailsTheStartNamingIt(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            EmbeddingHost.StartAsync(a => a.UseMemory().AddPassword(), _ => { }, new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostStoppedTwiceAtOnce_StopsEachPluginOnce_AndNeitherStopReturnsBeforeThePluginHasStopped()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await EmbeddingHost.StartAsync(a => a.UseMemory().AddPlugin<HeldStopPlugin>(), _ => { });
        var plugin = app.Services.GetRequiredService<HeldStopPlugin>();

        var returnedEarly = await StoppedTwice.AStopReturnedWhileHeldAsync(() => app.StopAsync(ct), plugin.Stopping, plugin.FinishStop, ct);

        Assert.False(returnedEarly, "a stop returned while a plugin was still stopping");
        Assert.Equal(1, plugin.Stops);
    }

    [Fact]
    public async Task StartingCreatesThePlatformAppOnceAndTheStoreIsHealthy()
    {
        await using var host = await ApiHost.StartAsync(Backend.Postgres);
        var ct = TestContext.Current.CancellationToken;

        var app = await host.Store.Apps.GetPlatformAsync(ct);
        var status = await host.Services.GetRequiredService<IAuthsomeMigrator>().GetStatusAsync(ct);
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(ct);

        Assert.NotNull(app);
        Assert.NotNull(await host.Store.Environments.GetDefaultAsync(app.Id, ct));
        Assert.True(status.IsUpToDate);
        Assert.Contains(status.Planned, m => m.Group == "authsome-password");
        Assert.Equal(HealthStatus.Healthy, health.Entries["authsome-store"].Status);
        Assert.Contains("ready", health.Entries["authsome-store"].Tags);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryRoute()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory);
        using var client = host.CreateClient();

        using var response = await client.Http.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var document = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var route in new[] { "signup", "signin", "signout", "refresh", "me", "sessions", "sessions/{id}", "change-password", "forgot-password", "reset-password", "verify-email", "verify-email/resend" })
        {
            Assert.Contains($"\"/v1/auth/{route}\"", document, StringComparison.Ordinal);
        }

        Assert.Contains("session_token", document, StringComparison.Ordinal);
        Assert.Contains("\"bearer\"", document, StringComparison.Ordinal);
        using var reference = await client.Http.GetAsync("/scalar/v1", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Fact]
    public async Task TheApiReferencePageIsOnlyServedInDevelopment()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory, environment: "Production");
        using var client = host.CreateClient();

        using var reference = await client.Http.GetAsync("/scalar/v1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, reference.StatusCode);
    }

    /// <summary>A plugin whose stop waits until the test lets it finish.</summary>
    private sealed class HeldStopPlugin : IAuthsomePlugin
    {
        private readonly TaskCompletionSource _stopping = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _stops;

        public string Name => "held-stop";

        public Task Stopping => _stopping.Task;

        public int Stops => Volatile.Read(ref _stops);

        public void FinishStop() => _finish.SetResult();

        public async ValueTask StopAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _stops);
            _stopping.TrySetResult();
            await _finish.Task.WaitAsync(cancellationToken);
        }
    }
}
