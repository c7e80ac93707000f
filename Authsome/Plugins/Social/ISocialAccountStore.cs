using Authsome.Store;

namespace Authsome.Plugins.Social;

/// <summary>The social plugin's linked accounts (group <c>authsome-social</c>).</summary>
public interface ISocialAccountStore
{
    /// <summary>Links an account. Throws <see cref="StoreConflictException"/> (Duplicate) when the id, or the app, provider and subject, are taken.</summary>
    ValueTask CreateAsync(SocialAccount account, CancellationToken cancellationToken);

    ValueTask<SocialAccount?> GetAsync(Id<SocialAccount> id, CancellationToken cancellationToken);

    /// <summary>The account of this provider subject in the app, or null.</summary>
    ValueTask<SocialAccount?> GetBySubjectAsync(Id<App> appId, string provider, string subject, CancellationToken cancellationToken);

    /// <summary>A user's linked accounts, oldest first.</summary>
    ValueTask<IReadOnlyList<SocialAccount>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken);

    /// <summary>Replaces the kept provider tokens. Throws <see cref="StoreNotFoundException"/> when the account is gone.</summary>
    ValueTask UpdateAsync(SocialAccount account, CancellationToken cancellationToken);

    ValueTask<bool> DeleteAsync(Id<SocialAccount> id, CancellationToken cancellationToken);
}

/// <summary>The social plugin's one-time grants (group <c>authsome-social</c>): states and exchange codes.</summary>
public interface ISocialGrantStore
{
    /// <summary>Stores a new grant. Throws <see cref="StoreConflictException"/> (Duplicate) when the id or token hash is taken.</summary>
    ValueTask CreateAsync(SocialGrant grant, CancellationToken cancellationToken);

    /// <summary>
    /// Consumes the grant of this app and kind whose token hashes to <paramref name="tokenHash"/> if it is unconsumed and not
    /// expired at <paramref name="now"/>, and returns it; null otherwise. Exactly one of any number of concurrent calls gets it.
    /// </summary>
    ValueTask<SocialGrant?> ConsumeAsync(Id<App> appId, SocialGrantKind kind, SecretHash tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes the grants that expired at or before <paramref name="expiredBy"/>; returns how many.</summary>
    ValueTask<int> PurgeAsync(DateTimeOffset expiredBy, CancellationToken cancellationToken);
}
