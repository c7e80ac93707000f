using System.Collections.Concurrent;
using Authsome.Store;

namespace Authsome.Admin;

/// <summary>
/// The engine reads apps' session and client configs on hot paths (every sign-in, every refresh): they are kept here
/// and read again only when the admin API changes them (or after <see cref="Lifetime"/>, for changes made elsewhere).
/// </summary>
internal sealed class AppConfigCache(IAuthsomeStore store, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Id<App>, (AppSessionConfig? Config, DateTimeOffset Until)> sessions = new();
    private readonly ConcurrentDictionary<Id<App>, (AppClientConfig? Config, DateTimeOffset Until)> clients = new();

    public ValueTask<AppSessionConfig?> GetSessionConfigAsync(Id<App> appId, CancellationToken cancellationToken) =>
        GetAsync(sessions, store.AppSessionConfigs, appId, cancellationToken);

    public ValueTask<AppClientConfig?> GetClientConfigAsync(Id<App> appId, CancellationToken cancellationToken) =>
        GetAsync(clients, store.AppClientConfigs, appId, cancellationToken);

    /// <summary>Forgets an app's configs (they were changed or deleted).</summary>
    public void Invalidate(Id<App> appId)
    {
        sessions.TryRemove(appId, out _);
        clients.TryRemove(appId, out _);
    }

    private async ValueTask<T?> GetAsync<T>(ConcurrentDictionary<Id<App>, (T? Config, DateTimeOffset Until)> cache, IAppConfigStore<T> source, Id<App> appId, CancellationToken cancellationToken)
        where T : class
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(appId, out var entry) && entry.Until > now)
        {
            return entry.Config;
        }

        var config = await source.GetAsync(appId, cancellationToken);
        cache[appId] = (config, now + Lifetime);
        return config;
    }
}
