using Authsome.Store;

namespace Authsome.Plugins.Mfa.Store;

/// <summary>
/// The MFA plugin's own storage (migration group <c>authsome-mfa</c>): TOTP factors, recovery codes and sign-in
/// tickets. It persists; the rules (expiry, tries, drift, hashing) live in the services above it. Errors follow the
/// store's contract (<see cref="StoreConflictException"/>, <see cref="StoreUnavailableException"/>).
/// </summary>
public interface IMfaStore
{
    /// <summary>The user's TOTP factor, confirmed or pending, or null.</summary>
    ValueTask<TotpFactor?> GetTotpAsync(Id<User> userId, CancellationToken cancellationToken);

    /// <summary>Stores the user's TOTP factor, replacing any pending or confirmed one.</summary>
    ValueTask SaveTotpAsync(TotpFactor factor, CancellationToken cancellationToken);

    /// <summary>Marks a pending factor confirmed at <paramref name="step"/>; false when it is gone or already confirmed.</summary>
    ValueTask<bool> ConfirmTotpAsync(Id<TotpFactor> id, long step, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Records that a code of time step <paramref name="step"/> was accepted, only if no code of that step or a later
    /// one was: false means a replay (or a concurrent use of the same code) and the code must be refused.
    /// </summary>
    ValueTask<bool> TryUseStepAsync(Id<TotpFactor> id, long step, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Deletes the user's TOTP factor and recovery codes; false when there was no factor.</summary>
    ValueTask<bool> DeleteTotpAsync(Id<User> userId, CancellationToken cancellationToken);

    /// <summary>Replaces every recovery code of the user with <paramref name="codes"/>, in one step.</summary>
    ValueTask ReplaceRecoveryCodesAsync(Id<User> userId, IReadOnlyList<RecoveryCode> codes, CancellationToken cancellationToken);

    /// <summary>Marks an unused code of the user used; false when no unused code has this hash (wrong or already used).</summary>
    ValueTask<bool> UseRecoveryCodeAsync(Id<User> userId, SecretHash codeHash, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>How many unused recovery codes the user has.</summary>
    ValueTask<int> CountRecoveryCodesAsync(Id<User> userId, CancellationToken cancellationToken);

    /// <summary>Stores a new ticket. Throws <see cref="StoreConflictException"/> (Duplicate) for a known token hash.</summary>
    ValueTask CreateTicketAsync(MfaTicket ticket, CancellationToken cancellationToken);

    /// <summary>The ticket with this token hash, or null.</summary>
    ValueTask<MfaTicket?> GetTicketAsync(SecretHash tokenHash, CancellationToken cancellationToken);

    /// <summary>Counts one failed try atomically and returns the new count; 0 when the ticket is gone.</summary>
    ValueTask<int> RecordTicketFailureAsync(Id<MfaTicket> id, CancellationToken cancellationToken);

    /// <summary>Deletes a ticket; true only for the one caller that deleted it (single use under concurrency).</summary>
    ValueTask<bool> DeleteTicketAsync(Id<MfaTicket> id, CancellationToken cancellationToken);

    /// <summary>Deletes tickets that expired at or before <paramref name="now"/>; returns how many.</summary>
    ValueTask<int> PurgeExpiredTicketsAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
