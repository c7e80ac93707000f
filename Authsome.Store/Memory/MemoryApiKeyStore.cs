namespace Authsome.Store.Memory;

internal sealed class MemoryApiKeyStore(MemoryState state) : IApiKeyStore
{
    private MemoryTable<ApiKey> ApiKeys => state.ApiKeys;

    public ValueTask CreateAsync(ApiKey apiKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return state.Run(() => ApiKeys.Insert(apiKey), cancellationToken);
    }

    public ValueTask<ApiKey?> GetAsync(Id<ApiKey> id, CancellationToken cancellationToken) =>
        state.Run(() => ApiKeys.Get(id), cancellationToken);

    public ValueTask<ApiKey?> GetByPrefixAsync(Id<App> appId, string keyPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        return state.Run(() => ApiKeys.Find(state.ApiKeysByPrefix, (appId, keyPrefix)), cancellationToken);
    }

    public ValueTask<ApiKey?> GetByKeyHashAsync(SecretHash keyHash, CancellationToken cancellationToken) =>
        state.Run(() => ApiKeys.Find(state.ApiKeysByHash, keyHash), cancellationToken);

    public ValueTask<ApiKey?> GetByPublicKeyAsync(string publicKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return state.Run(() => ApiKeys.Find(state.ApiKeysByPublicKey, publicKey), cancellationToken);
    }

    public ValueTask UpdateAsync(ApiKey apiKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return state.Run(
            () =>
            {
                var stored = ApiKeys.Get(apiKey.Id) ?? throw new StoreNotFoundException(ApiKeys.Entity);
                ApiKeys.Replace(apiKey with { CreatedAt = stored.CreatedAt });
            },
            cancellationToken);
    }

    public ValueTask<bool> TouchAsync(Id<ApiKey> id, DateTimeOffset lastUsedAt, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                if (ApiKeys.Get(id) is not { } stored)
                {
                    return false;
                }

                ApiKeys.Replace(stored with { LastUsedAt = lastUsedAt });
                return true;
            },
            cancellationToken);

    public ValueTask<bool> DeleteAsync(Id<ApiKey> id, CancellationToken cancellationToken) =>
        state.Run(() => ApiKeys.Remove(id), cancellationToken);

    public ValueTask<IReadOnlyList<ApiKey>> ListByAppAsync(Id<App> appId, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<ApiKey>>(() => [.. ApiKeys.Where(k => k.AppId == appId)], cancellationToken);

    public ValueTask<IReadOnlyList<ApiKey>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<ApiKey>>(() => [.. ApiKeys.Where(k => k.UserId == userId)], cancellationToken);
}
