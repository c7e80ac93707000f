namespace Authsome.Store.Relational;

internal sealed class RelationalRoleAssignmentStore(RelationalDatabase db) : IRoleAssignmentStore
{
    private const string Entity = "role assignment";

    private const string Columns = "id, user_id, role_id, org_id, created_at";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(RoleAssignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"INSERT INTO authsome_role_assignments ({Columns}) VALUES (@id, @user_id, @role_id, @org_id, @created_at)",
                new
                {
                    id = assignment.Id.ToString(),
                    user_id = assignment.UserId.ToString(),
                    role_id = assignment.RoleId.ToString(),
                    org_id = assignment.OrgId?.ToString(),
                    created_at = D.Time(assignment.CreatedAt),
                },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> DeleteAsync(Id<RoleAssignment> id, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync("DELETE FROM authsome_role_assignments WHERE id = @id", new { id = id.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<IReadOnlyList<RoleAssignment>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            Entity,
            s => s.QueryAsync($"SELECT {Columns} FROM authsome_role_assignments WHERE user_id = @user_id ORDER BY id", new { user_id = userId.ToString() }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);

    private static RoleAssignment Map(RowReader r) => new()
    {
        Id = r.Id<RoleAssignment>("id"),
        UserId = r.Id<User>("user_id"),
        RoleId = r.Id<Role>("role_id"),
        OrgId = r.IdOrNull<Organization>("org_id"),
        CreatedAt = r.Time("created_at"),
    };
}
