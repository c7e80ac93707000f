namespace Authsome.Store;

/// <summary>Which users hold which roles.</summary>
public interface IRoleAssignmentStore
{
    /// <summary>Assigns a role. Throws <see cref="StoreConflictException"/> (Duplicate) when the same assignment exists.</summary>
    ValueTask CreateAsync(RoleAssignment assignment, CancellationToken cancellationToken);

    ValueTask<bool> DeleteAsync(Id<RoleAssignment> id, CancellationToken cancellationToken);

    /// <summary>A user's assignments, in every organization and app-wide, in id order.</summary>
    ValueTask<IReadOnlyList<RoleAssignment>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken);
}
