using Authsome.Store;
using Authsome.Store.Memory;

namespace Authsome.Plugins.Jwt;

/// <summary>Signing keys beside the in-memory store's data, under its lock.</summary>
internal sealed class MemorySigningKeyStore(MemoryPluginContext context) : ISigningKeyStore
{
    // Touched only under the store's lock.
    private readonly Dictionary<Id<SigningKey>, SigningKey> _keys = [];

    public ValueTask CreateAsync(SigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return context.RunAsync(
            () =>
            {
                if (!_keys.TryAdd(key.Id, key))
                {
                    throw new StoreConflictException(ConflictKind.Duplicate, "signing key");
                }
            },
            cancellationToken);
    }

    public ValueTask<IReadOnlyList<SigningKey>> ListAsync(Id<App> appId, DateTimeOffset now, CancellationToken cancellationToken) =>
        context.RunAsync<IReadOnlyList<SigningKey>>(
            () => [.. _keys.Values.Where(k => k.AppId == appId && k.ExpiresAt > StoreTime.Normalize(now)).OrderBy(k => k.ActivatesAt).ThenBy(k => k.Id)],
            cancellationToken);

    public ValueTask<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        context.RunAsync(() => _keys.Values.Where(k => k.ExpiresAt <= StoreTime.Normalize(now)).ToList().Count(k => _keys.Remove(k.Id)), cancellationToken);
}
