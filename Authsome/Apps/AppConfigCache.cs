using System.Collections.Concurrent;
using Authsome.Store;

namespace Authsome.Apps;

/// <summary>
/// The per-app configuration records (<see cref="AppSessionConfig"/>, <see cref="AppClientConfig"/>) that sign-in,
/// sign-up and refresh read on every request, kept in memory so that those requests do not read rows that almost
/// never change. An entry (an absent record included) is served for at most <see cref="Lifetime"/> after it was read;
/// code that writes a record calls <see cref="Invalidate"/> so that this process sees the change at once. Other
/// replicas see it within <see cref="Lifetime"/>. Never used for sessions or users: revocation stays immediate.
/// </summary>
internal sealed class AppConfigCache(IAuthsomeStore store, TimeProvider time)
{
    /// <summary>How long a replica may serve a record after it was read: the staleness bound on another replica.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Id<App>, Entry<AppSessionConfig>> _sessionConfigs = new();
    private readonly ConcurrentDictionary<Id<App>, Entry<AppClientConfig>> _clientConfigs = new();
    private long _generation;

    /// <summary>The app's session configuration, or null when it has none.</summary>
    public ValueTask<AppSessionConfig?> GetSessionConfigAsync(Id<App> appId, CancellationToken cancellationToken) =>
        GetAsync(_sessionConfigs, store.AppSessionConfigs, appId, cancellationToken);

    /// <summary>The app's client configuration, or null when it has none.</summary>
    public ValueTask<AppClientConfig?> GetClientConfigAsync(Id<App> appId, CancellationToken cancellationToken) =>
        GetAsync(_clientConfigs, store.AppClientConfigs, appId, cancellationToken);

    /// <summary>Forgets what is cached of the app's configuration; the next read goes to the store. Call it after writing either record.</summary>
    public void Invalidate(Id<App> appId)
    {
        Interlocked.Increment(ref _generation);
        _sessionConfigs.TryRemove(appId, out _);
        _clientConfigs.TryRemove(appId, out _);
    }

    private async ValueTask<TConfig?> GetAsync<TConfig>(
        ConcurrentDictionary<Id<App>, Entry<TConfig>> entries,
        IAppConfigStore<TConfig> configs,
        Id<App> appId,
        CancellationToken cancellationToken)
        where TConfig : class
    {
        var now = time.GetTimestamp();
        if (entries.TryGetValue(appId, out var cached) && now < cached.ExpiresAt)
        {
            return cached.Config;
        }

        var generation = Volatile.Read(ref _generation);
        var config = await configs.GetAsync(appId, cancellationToken).ConfigureAwait(false);
        var entry = new Entry<TConfig>(config, now + (long)(Lifetime.TotalSeconds * time.TimestampFrequency));
        entries[appId] = entry;

        // An Invalidate while this read was in flight may have come after the row was read: drop what was read.
        if (Volatile.Read(ref _generation) != generation)
        {
            entries.TryRemove(KeyValuePair.Create(appId, entry));
        }

        return config;
    }

    private sealed record Entry<TConfig>(TConfig? Config, long ExpiresAt)
        where TConfig : class;
}
