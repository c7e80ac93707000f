using Authsome.Store;

namespace Authsome.Plugins.MagicLink;

/// <summary>The magic-link plugin's storage (group <c>authsome-magic-link</c>): the links sent, by the hash of their token.</summary>
public interface IMagicLinkStore
{
    /// <summary>Stores a new link. Throws <see cref="StoreConflictException"/> (Duplicate) when the id or token hash is taken.</summary>
    ValueTask CreateAsync(MagicLinkToken token, CancellationToken cancellationToken);

    /// <summary>
    /// Consumes the link whose token hashes to <paramref name="tokenHash"/> if it is unconsumed and not expired at
    /// <paramref name="now"/>, and returns it; null otherwise. Exactly one of any number of concurrent calls gets it.
    /// </summary>
    ValueTask<MagicLinkToken?> ConsumeAsync(Id<App> appId, SecretHash tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many links were sent to <paramref name="email"/> (normalised) in the app at or after <paramref name="since"/>.</summary>
    ValueTask<int> CountSentSinceAsync(Id<App> appId, string email, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Deletes the links that expired at or before <paramref name="expiredBy"/>, consumed or not; returns how many.</summary>
    ValueTask<int> PurgeAsync(DateTimeOffset expiredBy, CancellationToken cancellationToken);
}
