using Authsome.Store;

namespace Authsome.Plugins.Passkeys.Store;

/// <summary>
/// The passkey plugin's own storage (migration group <c>authsome-passkey</c>): credentials and pending challenges. It
/// persists; the WebAuthn rules live in the service above it. Errors follow the store's contract.
/// </summary>
public interface IPasskeyStore
{
    /// <summary>Stores a credential. Throws <see cref="StoreConflictException"/> (Duplicate) when its credential id is known.</summary>
    ValueTask CreateAsync(Passkey passkey, CancellationToken cancellationToken);

    ValueTask<Passkey?> GetAsync(Id<Passkey> id, CancellationToken cancellationToken);

    ValueTask<Passkey?> GetByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken);

    /// <summary>A user's passkeys, in id order (the order they were registered in, to the millisecond).</summary>
    ValueTask<IReadOnlyList<Passkey>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken);

    /// <summary>Renames a passkey; false when it does not exist.</summary>
    ValueTask<bool> RenameAsync(Id<Passkey> id, string name, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Records a verified assertion: the new counter and backup state, only if the stored counter is still
    /// <paramref name="expectedSignCount"/>; false when a concurrent assertion got there first.
    /// </summary>
    ValueTask<bool> RecordUseAsync(Id<Passkey> id, long expectedSignCount, long signCount, bool backedUp, DateTimeOffset at, CancellationToken cancellationToken);

    ValueTask<bool> DeleteAsync(Id<Passkey> id, CancellationToken cancellationToken);

    /// <summary>Stores an issued challenge.</summary>
    ValueTask CreateChallengeAsync(PasskeyChallenge challenge, CancellationToken cancellationToken);

    /// <summary>Removes and returns the challenge with this hash; null when unknown or already taken (single use under concurrency).</summary>
    ValueTask<PasskeyChallenge?> TakeChallengeAsync(SecretHash challengeHash, CancellationToken cancellationToken);

    /// <summary>Deletes challenges that expired at or before <paramref name="now"/>; returns how many.</summary>
    ValueTask<int> PurgeExpiredChallengesAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
