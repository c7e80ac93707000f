namespace Authsome.Store.Relational;

internal sealed class RelationalTeamStore(RelationalDatabase db) : ITeamStore
{
    private const string Entity = "team";

    private const string Columns = "id, org_id, name, slug, created_at, updated_at";

    private const string Select = $"SELECT {Columns} FROM authsome_teams";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync($"INSERT INTO authsome_teams ({Columns}) VALUES (@id, @org_id, @name, @slug, @created_at, @updated_at)", Args(team), cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Team?> GetAsync(Id<Team> id, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE id = @id", new { id = id.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask UpdateAsync(Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var changed = await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync("UPDATE authsome_teams SET name = @name, slug = @slug, updated_at = @updated_at WHERE id = @id", Args(team), cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new StoreNotFoundException(Entity);
        }
    }

    public async ValueTask<bool> DeleteAsync(Id<Team> id, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync("DELETE FROM authsome_teams WHERE id = @id", new { id = id.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<IReadOnlyList<Team>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryAsync($"{Select} WHERE org_id = @org_id ORDER BY id", new { org_id = orgId.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    private object Args(Team t) => new
    {
        id = t.Id.ToString(),
        org_id = t.OrgId.ToString(),
        name = t.Name,
        slug = t.Slug,
        created_at = D.Time(t.CreatedAt),
        updated_at = D.Time(t.UpdatedAt),
    };

    private static Team Map(RowReader r) => new()
    {
        Id = r.Id<Team>("id"),
        OrgId = r.Id<Organization>("org_id"),
        Name = r.Text("name"),
        Slug = r.Text("slug"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
