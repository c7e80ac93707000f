namespace Authsome.Store;

/// <summary>API keys, looked up by the hash of the secret on every API request.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a key. Throws <see cref="StoreConflictException"/>: KeyPrefixTaken, or Duplicate (id, key hash or public key).</summary>
    ValueTask CreateAsync(ApiKey apiKey, CancellationToken cancellationToken);

    ValueTask<ApiKey?> GetAsync(Id<ApiKey> id, CancellationToken cancellationToken);

    ValueTask<ApiKey?> GetByPrefixAsync(Id<App> appId, string keyPrefix, CancellationToken cancellationToken);

    /// <summary>The key whose secret hashes to this, or null. Served by an index.</summary>
    ValueTask<ApiKey?> GetByKeyHashAsync(SecretHash keyHash, CancellationToken cancellationToken);

    ValueTask<ApiKey?> GetByPublicKeyAsync(string publicKey, CancellationToken cancellationToken);

    /// <summary>Replaces a key's fields. Throws <see cref="StoreNotFoundException"/> or <see cref="StoreConflictException"/> as create.</summary>
    ValueTask UpdateAsync(ApiKey apiKey, CancellationToken cancellationToken);

    /// <summary>Records a use (sets <see cref="ApiKey.LastUsedAt"/>, nothing else); false when absent.</summary>
    ValueTask<bool> TouchAsync(Id<ApiKey> id, DateTimeOffset lastUsedAt, CancellationToken cancellationToken);

    ValueTask<bool> DeleteAsync(Id<ApiKey> id, CancellationToken cancellationToken);

    /// <summary>An app's keys, in id order.</summary>
    ValueTask<IReadOnlyList<ApiKey>> ListByAppAsync(Id<App> appId, CancellationToken cancellationToken);

    /// <summary>A user's keys, in id order.</summary>
    ValueTask<IReadOnlyList<ApiKey>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken);
}
