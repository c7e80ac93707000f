using System.Collections.Concurrent;
using Authsome.Store;

namespace Authsome.Plugins.Jwt;

/// <summary>Signing keys in process memory.</summary>
internal sealed class MemorySigningKeyStore : ISigningKeyStore
{
    private readonly ConcurrentDictionary<Id<SigningKey>, SigningKey> keys = new();

    public ValueTask CreateAsync(SigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return keys.TryAdd(key.Id, key) ? ValueTask.CompletedTask : throw new StoreConflictException(ConflictKind.Duplicate, "signing_key");
    }

    public ValueTask<IReadOnlyList<SigningKey>> ListAsync(Id<App> appId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        now = StoreTime.Normalize(now);
        IReadOnlyList<SigningKey> list = [.. keys.Values.Where(k => k.AppId == appId && k.ExpiresAt > now).OrderBy(k => k.ActivatesAt).ThenBy(k => k.Id)];
        return ValueTask.FromResult(list);
    }

    public ValueTask<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        now = StoreTime.Normalize(now);
        return ValueTask.FromResult(keys.Values.Where(k => k.ExpiresAt <= now).Count(k => keys.TryRemove(k.Id, out _)));
    }
}
