namespace Authsome.Store.Relational;

internal sealed class RelationalMemberStore(RelationalDatabase db) : IMemberStore
{
    private const string Entity = "member";

    private const string Columns = "id, org_id, user_id, role, created_at, updated_at";

    private const string Select = $"SELECT {Columns} FROM authsome_members";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync($"INSERT INTO authsome_members ({Columns}) VALUES (@id, @org_id, @user_id, @role, @created_at, @updated_at)", Args(member), cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Member?> GetAsync(Id<Member> id, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE id = @id", new { id = id.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Member?> GetByUserAsync(Id<Organization> orgId, Id<User> userId, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync($"{Select} WHERE org_id = @org_id AND user_id = @user_id", new { org_id = orgId.ToString(), user_id = userId.ToString() }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask UpdateAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var changed = await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync("UPDATE authsome_members SET role = @role, updated_at = @updated_at WHERE id = @id", Args(member), cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new StoreNotFoundException(Entity);
        }
    }

    public async ValueTask<bool> DeleteAsync(Id<Member> id, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync("DELETE FROM authsome_members WHERE id = @id", new { id = id.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask UpdateKeepingOwnerAsync(Member member, string ownerRole, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentException.ThrowIfNullOrEmpty(ownerRole);
        var found = await db.TransactAsync(
            Entity,
            async s =>
            {
                if (!await KeepsAnOwnerAsync(s, member.Id, member.Role, ownerRole, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                await s.ExecuteAsync("UPDATE authsome_members SET role = @role, updated_at = @updated_at WHERE id = @id", Args(member), cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        if (!found)
        {
            throw new StoreNotFoundException(Entity);
        }
    }

    public async ValueTask<bool> DeleteKeepingOwnerAsync(Id<Member> id, string ownerRole, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerRole);
        return await db.TransactAsync(
            Entity,
            async s => await KeepsAnOwnerAsync(s, id, null, ownerRole, cancellationToken).ConfigureAwait(false)
                && await s.ExecuteAsync("DELETE FROM authsome_members WHERE id = @id", new { id = id.ToString() }, cancellationToken).ConfigureAwait(false) > 0,
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<Member>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryAsync($"{Select} WHERE org_id = @org_id ORDER BY id", new { org_id = orgId.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// False when the member is absent; throws LastOwner when giving them <paramref name="newRole"/> (null: removing
    /// them) would leave the organization without an owner. The organization's row is locked first, so concurrent owner
    /// changes of one organization queue and each counts the owners the previous one left (SQLite serialises writers anyway).
    /// </summary>
    private async Task<bool> KeepsAnOwnerAsync(SqlSession s, Id<Member> id, string? newRole, string ownerRole, CancellationToken cancellationToken)
    {
        var args = new { id = id.ToString(), owner = ownerRole };
        await s.ExecuteAsync($"SELECT o.id FROM authsome_organizations o WHERE o.id = (SELECT org_id FROM authsome_members WHERE id = @id){D.ForUpdate}", args, cancellationToken).ConfigureAwait(false);
        var current = await s.QueryFirstAsync($"{Select} WHERE id = @id", args, Map, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return false;
        }

        if (current.Role == ownerRole && newRole != ownerRole
            && await s.ScalarAsync<long>(
                "SELECT count(*) FROM authsome_members WHERE org_id = @org_id AND role = @owner AND id <> @id",
                new { id = id.ToString(), owner = ownerRole, org_id = current.OrgId.ToString() },
                cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new StoreConflictException(ConflictKind.LastOwner, Entity);
        }

        return true;
    }

    private object Args(Member m) => new
    {
        id = m.Id.ToString(),
        org_id = m.OrgId.ToString(),
        user_id = m.UserId.ToString(),
        role = m.Role,
        created_at = D.Time(m.CreatedAt),
        updated_at = D.Time(m.UpdatedAt),
    };

    private static Member Map(RowReader r) => new()
    {
        Id = r.Id<Member>("id"),
        OrgId = r.Id<Organization>("org_id"),
        UserId = r.Id<User>("user_id"),
        Role = r.Text("role"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
