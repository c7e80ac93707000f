using System.Collections.Concurrent;
using Authsome.Hosting;
using Authsome.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.ApiKeys;

/// <summary>
/// Keeps <c>last_used_at</c> without a write per request: a use is noted in memory only when the stored value is
/// older than <see cref="ApiKeySettings.LastUsedPrecision"/>, and the noted uses are written in the background once
/// per interval (and when the host stops). A crash loses at most one interval of last-used times, nothing else.
/// </summary>
internal sealed partial class ApiKeyUsage(IAuthsomeStore store, IOptions<AuthsomeOptions> options, TimeProvider time, ILogger<ApiKeyUsage> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<Id<ApiKey>, DateTimeOffset> pending = new();

    private readonly StopOnce stopOnce = new();

    private TimeSpan Precision => options.Value.ApiKeys.LastUsedPrecision;

    /// <summary>Notes a use of <paramref name="key"/> at <paramref name="at"/> when the stored time is stale.</summary>
    public void Record(ApiKey key, DateTimeOffset at)
    {
        if (key.LastUsedAt is { } last && at - last < Precision)
        {
            return;
        }

        pending[key.Id] = at;
    }

    /// <summary>Writes the noted uses; each key once.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var id in pending.Keys)
        {
            if (!pending.TryRemove(id, out var at))
            {
                continue;
            }

            try
            {
                await store.ApiKeys.TouchAsync(id, at, cancellationToken);
            }
            catch (StoreException ex)
            {
                LogTouchFailed(logger, ex, id.ToString());
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Precision, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    /// <summary>Stops the timer and writes what is left, once: a second call waits for the same final flush.</summary>
    public override Task StopAsync(CancellationToken cancellationToken) => stopOnce.RunAsync(StopAndFlushAsync, cancellationToken);

    private async Task StopAndFlushAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Warning, Message = "Recording the last use of API key {KeyId} failed")]
    private static partial void LogTouchFailed(ILogger logger, Exception exception, string keyId);
}
