using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.AppHost.Tests;

/// <summary>The whole AppHost, dashboard included, started once for a test class and waited on until the API is healthy.</summary>
public sealed class RunningAppHost : IAsyncLifetime
{
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    /// <summary>The dashboard's address (a free port picked for this run).</summary>
    public Uri DashboardUrl => new(App.Services.GetRequiredService<IConfiguration>()["ASPNETCORE_URLS"]!);

    /// <summary>The token of the dashboard's login URL.</summary>
    public string BrowserToken => App.Services.GetRequiredService<IConfiguration>()["AppHost:BrowserToken"]!;

    public async ValueTask InitializeAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(AppHostFactory.StartTimeout);
        var builder = await AppHostFactory.CreateAsync(dashboard: true, timeout.Token);
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>The resource's latest snapshot.</summary>
    public CustomResourceSnapshot Snapshot(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var resourceEvent)
            ? resourceEvent.Snapshot
            : throw new InvalidOperationException($"No state for resource '{resource}'.");
}
