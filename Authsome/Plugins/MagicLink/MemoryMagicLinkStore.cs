using Authsome.Store;
using Authsome.Store.Memory;

namespace Authsome.Plugins.MagicLink;

/// <summary>Magic links beside the in-memory store's data, under its lock.</summary>
internal sealed class MemoryMagicLinkStore(MemoryPluginContext context) : IMagicLinkStore
{
    private const string Entity = "magic link";

    // Touched only under the store's lock.
    private readonly Dictionary<SecretHash, MagicLinkToken> _byHash = [];

    public ValueTask CreateAsync(MagicLinkToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        return context.RunAsync(
            () =>
            {
                if (_byHash.ContainsKey(token.TokenHash) || _byHash.Values.Any(t => t.Id == token.Id))
                {
                    throw new StoreConflictException(ConflictKind.Duplicate, Entity);
                }

                context.Set(_byHash, token.TokenHash, token);
            },
            cancellationToken);
    }

    public ValueTask<MagicLinkToken?> ConsumeAsync(Id<App> appId, SecretHash tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        context.RunAsync<MagicLinkToken?>(
            () =>
            {
                var at = StoreTime.Normalize(now);
                if (!_byHash.TryGetValue(tokenHash, out var token) || token.AppId != appId || token.ConsumedAt is not null || token.ExpiresAt <= at)
                {
                    return null;
                }

                var consumed = token with { ConsumedAt = at };
                context.Set(_byHash, tokenHash, consumed);
                return consumed;
            },
            cancellationToken);

    public ValueTask<int> CountSentSinceAsync(Id<App> appId, string email, DateTimeOffset since, CancellationToken cancellationToken) =>
        context.RunAsync(() => _byHash.Values.Count(t => t.AppId == appId && t.Email == email && t.CreatedAt >= StoreTime.Normalize(since)), cancellationToken);

    public ValueTask<int> PurgeAsync(DateTimeOffset expiredBy, CancellationToken cancellationToken) =>
        context.RunAsync(() => _byHash.Where(p => p.Value.ExpiresAt <= StoreTime.Normalize(expiredBy)).ToList().Count(p => context.Remove(_byHash, p.Key)), cancellationToken);
}
