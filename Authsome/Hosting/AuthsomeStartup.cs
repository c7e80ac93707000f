using Authsome.Apps;
using Authsome.Hooks;
using Authsome.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Hosting;

/// <summary>
/// Brings the engine up when the host starts: applies migrations (when <c>Authsome:MigrateOnStart</c> is on), makes
/// sure the served app and its default environment exist, then starts the plugins; stops them once when the host
/// stops, however often it is told to (<see cref="StopOnce"/>). When migrations are left to a separate migrator and the
/// schema is not there yet, the app is resolved on first use instead of failing the start.
/// </summary>
internal sealed partial class AuthsomeStartup(
    IAuthsomeMigrator migrator,
    AppResolver apps,
    IEnumerable<IAuthsomePlugin> plugins,
    IOptions<AuthsomeOptions> options,
    ILogger<AuthsomeStartup> logger) : IHostedService
{
    private readonly StopOnce _stopOnce = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart)
        {
            var applied = await migrator.MigrateAsync(cancellationToken);
            LogMigrated(logger, applied.Count);
            await apps.GetDefaultAsync(cancellationToken);
        }
        else
        {
            try
            {
                await apps.GetDefaultAsync(cancellationToken);
            }
            catch (StoreException ex)
            {
                LogAppDeferred(logger, ex);
            }
        }

        foreach (var plugin in plugins)
        {
            await plugin.StartAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => _stopOnce.RunAsync(StopPluginsAsync, cancellationToken);

    private async Task StopPluginsAsync(CancellationToken cancellationToken)
    {
        foreach (var plugin in plugins.Reverse())
        {
            await plugin.StopAsync(cancellationToken);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Authsome migrations: {Count} applied")]
    private static partial void LogMigrated(ILogger logger, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "The app could not be resolved at start-up (has the migrator run?); it will be resolved on first use")]
    private static partial void LogAppDeferred(ILogger logger, Exception exception);
}
