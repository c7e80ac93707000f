using Authsome.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Maintenance;

/// <summary>
/// Deletes, every <c>Authsome:PurgeInterval</c>, what can never be used again: sessions past their refresh expiry,
/// expired rotated-token records, used or expired verifications and resets (<see cref="IAuthsomeStore.PurgeExpiredAsync"/>), and plugins' expired data
/// (<see cref="IExpiredDataPurge"/>).
/// Several instances may run it at once: the deletes are idempotent. A failed run is logged and retried next time.
/// </summary>
internal sealed partial class ExpiredDataPurger(
    IAuthsomeStore store,
    IEnumerable<IExpiredDataPurge> plugins,
    IOptions<AuthsomeOptions> options,
    TimeProvider time,
    ILogger<ExpiredDataPurger> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var now = time.GetStoreNow();
                var removed = await store.PurgeExpiredAsync(now, stoppingToken);
                foreach (var plugin in plugins)
                {
                    removed += await plugin.PurgeExpiredAsync(now, stoppingToken);
                }

                LogPurged(logger, removed);
            }
            catch (StoreException ex)
            {
                LogPurgeFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 3701, Level = LogLevel.Debug, Message = "Purged {Count} expired records")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 3702, Level = LogLevel.Warning, Message = "Purging expired records failed; it runs again at the next interval")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
