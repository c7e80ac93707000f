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

    /// <summary>An organization's members, in id order.</summary>
    ValueTask<IReadOnlyList<Member>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken);
}
