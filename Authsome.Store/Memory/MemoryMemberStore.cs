namespace Authsome.Store.Memory;

internal sealed class MemoryMemberStore(MemoryState state) : IMemberStore
{
    private MemoryTable<Member> Members => state.Members;

    public ValueTask CreateAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return state.Run(() => Members.Insert(member), cancellationToken);
    }

    public ValueTask<Member?> GetAsync(Id<Member> id, CancellationToken cancellationToken) =>
        state.Run(() => Members.Get(id), cancellationToken);

    public ValueTask<Member?> GetByUserAsync(Id<Organization> orgId, Id<User> userId, CancellationToken cancellationToken) =>
        state.Run(() => Members.Find(state.MembersByUser, (orgId, userId)), cancellationToken);

    public ValueTask UpdateAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return state.Run(
            () =>
            {
                var stored = Members.Get(member.Id) ?? throw new StoreNotFoundException(Members.Entity);
                Members.Replace(stored with { Role = member.Role, UpdatedAt = member.UpdatedAt });
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(Id<Member> id, CancellationToken cancellationToken) =>
        state.Run(() => Members.Remove(id), cancellationToken);

    public ValueTask UpdateKeepingOwnerAsync(Member member, string ownerRole, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentException.ThrowIfNullOrEmpty(ownerRole);
        return state.Run(
            () =>
            {
                var stored = Members.Get(member.Id) ?? throw new StoreNotFoundException(Members.Entity);
                RequireAnotherOwner(stored, member.Role, ownerRole);
                Members.Replace(stored with { Role = member.Role, UpdatedAt = member.UpdatedAt });
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteKeepingOwnerAsync(Id<Member> id, string ownerRole, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerRole);
        return state.Run(
            () =>
            {
                if (Members.Get(id) is not { } stored)
                {
                    return false;
                }

                RequireAnotherOwner(stored, null, ownerRole);
                return Members.Remove(id);
            },
            cancellationToken);
    }

    public ValueTask<IReadOnlyList<Member>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<Member>>(() => [.. Members.Where(m => m.OrgId == orgId)], cancellationToken);

    // Under the store's lock, so the count and the write are one step.
    private void RequireAnotherOwner(Member stored, string? newRole, string ownerRole)
    {
        if (stored.Role == ownerRole && newRole != ownerRole && !Members.Rows.Any(m => m.OrgId == stored.OrgId && m.Role == ownerRole && m.Id != stored.Id))
        {
            throw new StoreConflictException(ConflictKind.LastOwner, Members.Entity);
        }
    }
}
