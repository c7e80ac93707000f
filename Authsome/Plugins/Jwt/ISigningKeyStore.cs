using Authsome.Store;

namespace Authsome.Plugins.Jwt;

/// <summary>The JWT plugin's storage (group <c>authsome-jwt</c>): the signing keys of each app.</summary>
public interface ISigningKeyStore
{
    /// <summary>Stores a new key. Throws <see cref="StoreConflictException"/> (Duplicate) when the id is taken.</summary>
    ValueTask CreateAsync(SigningKey key, CancellationToken cancellationToken);

    /// <summary>The app's keys that have not expired at <paramref name="now"/>, ordered by activation then id.</summary>
    ValueTask<IReadOnlyList<SigningKey>> ListAsync(Id<App> appId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes the keys that expired at or before <paramref name="now"/>; returns how many.</summary>
    ValueTask<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
