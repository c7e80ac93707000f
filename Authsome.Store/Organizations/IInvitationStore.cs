namespace Authsome.Store;

/// <summary>Organization invitations.</summary>
public interface IInvitationStore
{
    /// <summary>Stores an invitation. Throws <see cref="StoreConflictException"/> (Duplicate) when the id or token hash is taken.</summary>
    ValueTask CreateAsync(Invitation invitation, CancellationToken cancellationToken);

    ValueTask<Invitation?> GetAsync(Id<Invitation> id, CancellationToken cancellationToken);

    ValueTask<Invitation?> GetByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Moves an invitation from <paramref name="expected"/> to <paramref name="next"/> (e.g. pending to accepted) only if
    /// it is still in <paramref name="expected"/>, setting <see cref="Invitation.UpdatedAt"/> to <paramref name="at"/>; exactly one
    /// of any number of concurrent calls returns true. False when absent.
    /// </summary>
    ValueTask<bool> TransitionAsync(Id<Invitation> id, InvitationStatus expected, InvitationStatus next, DateTimeOffset at, CancellationToken cancellationToken);

    ValueTask<bool> DeleteAsync(Id<Invitation> id, CancellationToken cancellationToken);

    /// <summary>An organization's invitations, in id order.</summary>
    ValueTask<IReadOnlyList<Invitation>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken);
}
