using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.AppHost.Tests;

/// <summary>The whole AppHost, dashboard included, started once for a test class and waited on until the API is healthy.</summary>
public sealed class RunningAppHost : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Resource, string? State, int? ExitCode)> _states = new();
    private readonly CancellationTokenSource _stopWatching = new();
    private DistributedApplication? _app;
    private Task? _watching;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    /// <summary>The dashboard's address: its proxied endpoint, on a random port as every endpoint under Aspire.Hosting.Testing.</summary>
    public Uri DashboardUrl => App.GetEndpoint("aspire-dashboard", "http");

    /// <summary>Every state each resource went through, in the order the AppHost published them.</summary>
    public IReadOnlyList<(string Resource, string? State, int? ExitCode)> States => [.. _states];

    /// <summary>The token of the dashboard's login URL.</summary>
    public string BrowserToken => App.Services.GetRequiredService<IConfiguration>()["AppHost:BrowserToken"]!;

    public async ValueTask InitializeAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(AppHostFactory.StartTimeout);
        var builder = await AppHostFactory.CreateAsync(dashboard: true, timeout.Token);
        _app = await builder.BuildAsync(timeout.Token);
        _watching = WatchStatesAsync(_app.ResourceNotifications, _stopWatching.Token);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopWatching.CancelAsync();
        if (_watching is not null)
        {
            await _watching;
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _stopWatching.Dispose();
    }

    private async Task WatchStatesAsync(ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var resourceEvent in notifications.WatchAsync(cancellationToken))
            {
                _states.Enqueue((resourceEvent.Resource.Name, resourceEvent.Snapshot.State?.Text, resourceEvent.Snapshot.ExitCode));
            }
        }
        catch (OperationCanceledException)
        {
            // the fixture is disposed
        }
    }

    /// <summary>The resource's latest snapshot.</summary>
    public CustomResourceSnapshot Snapshot(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var resourceEvent)
            ? resourceEvent.Snapshot
            : throw new InvalidOperationException($"No state for resource '{resource}'.");
}
