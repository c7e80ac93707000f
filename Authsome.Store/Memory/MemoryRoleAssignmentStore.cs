namespace Authsome.Store.Memory;

internal sealed class MemoryRoleAssignmentStore(MemoryState state) : IRoleAssignmentStore
{
    public ValueTask CreateAsync(RoleAssignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return state.Run(() => state.Assignments.Insert(assignment), cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(Id<RoleAssignment> id, CancellationToken cancellationToken) =>
        state.Run(() => state.Assignments.Remove(id), cancellationToken);

    public ValueTask<IReadOnlyList<RoleAssignment>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<RoleAssignment>>(() => [.. state.Assignments.Where(a => a.UserId == userId)], cancellationToken);
}
