using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.AppHost.Tests;

/// <summary>A migrator that exits non-zero: the API is never started, and the AppHost says why.</summary>
public sealed class FailingMigratorTests
{
    [Fact]
    public async Task Api_IsNotStartedAndSaysWhy_WhenMigratorFails()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(AppHostFactory.StartTimeout);
        var builder = await AppHostFactory.CreateAsync(dashboard: false, timeout.Token);
        // An engine setting the migrator rejects at start (its options validation), so it exits 1.
        var migrator = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "migrator");
        builder.CreateResourceBuilder(migrator).WithEnvironment("Authsome__Store__Provider", "bogus");

        await using var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        var apiLog = new ConcurrentQueue<string>();
        var api = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "api");
        var watching = WatchAsync(app.Services.GetRequiredService<ResourceLoggerService>(), api, apiLog, timeout.Token);

        await app.ResourceNotifications.WaitForResourceAsync("api", KnownResourceStates.FailedToStart, timeout.Token);

        Assert.True(app.ResourceNotifications.TryGetCurrentState("migrator", out var migratorState));
        Assert.Equal(1, migratorState.Snapshot.ExitCode);
        Assert.True(app.ResourceNotifications.TryGetCurrentState("api", out var apiState));
        Assert.Null(apiState.Snapshot.StartTimeStamp);
        var reported = await EventuallyAsync(() => apiLog.Any(line => line.Contains("Resource 'migrator' has entered the 'Finished' state with exit code '1' expected '0'", StringComparison.Ordinal)));
        Assert.True(reported, "the api's log should say why it did not start:\n" + string.Join('\n', apiLog));
        await timeout.CancelAsync();
        await watching;
    }

    private static async Task WatchAsync(ResourceLoggerService logs, IResource resource, ConcurrentQueue<string> lines, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in logs.WatchAsync(resource).WithCancellation(cancellationToken))
            {
                foreach (var line in batch)
                {
                    lines.Enqueue(line.Content);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the test is done
        }
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 100 && !condition(); attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return condition();
    }
}
