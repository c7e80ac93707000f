namespace Authsome.Store;

/// <summary>Organization memberships.</summary>
public interface IMemberStore
{
    /// <summary>Stores a membership. Throws <see cref="StoreConflictException"/> (Duplicate) when the user is already a member.</summary>
    ValueTask CreateAsync(Member member, CancellationToken cancellationToken);

    ValueTask<Member?> GetAsync(Id<Member> id, CancellationToken cancellationToken);

    ValueTask<Member?> GetByUserAsync(Id<Organization> orgId, Id<User> userId, CancellationToken cancellationToken);

    /// <summary>Changes a membership's role and <see cref="Member.UpdatedAt"/>, nothing else. Throws <see cref="StoreNotFoundException"/> when absent.</summary>
    ValueTask UpdateAsync(Member member, CancellationToken cancellationToken);

    ValueTask<bool> DeleteAsync(Id<Member> id, CancellationToken cancellationToken);

    /// <summary>
    /// Changes a membership's role as <see cref="UpdateAsync"/> does, unless the member holds <paramref name="ownerRole"/>,
    /// the new role is another, and no other member of the organization holds <paramref name="ownerRole"/>: then nothing
    /// changes and it throws <see cref="StoreConflictException"/> (<see cref="ConflictKind.LastOwner"/>). The check and the
    /// write are one atomic step per organization, so two owners demoting each other at once cannot both succeed.
    /// Throws <see cref="StoreNotFoundException"/> when absent.
    /// </summary>
    ValueTask UpdateKeepingOwnerAsync(Member member, string ownerRole, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a membership, unless it is the organization's last one holding <paramref name="ownerRole"/>: then it throws
    /// <see cref="StoreConflictException"/> (<see cref="ConflictKind.LastOwner"/>), atomically as
    /// <see cref="UpdateKeepingOwnerAsync"/>. False when absent.
    /// </summary>
    ValueTask<bool> DeleteKeepingOwnerAsync(Id<Member> id, string ownerRole, CancellationToken cancellationToken);

    /// <summary>An organization's members, in id order.</summary>
    ValueTask<IReadOnlyList<Member>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken);
}
