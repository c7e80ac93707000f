namespace Authsome.Store.Relational;

internal sealed class RelationalServiceAccountStore(RelationalDatabase db) : IServiceAccountStore
{
    private const string Entity = "service account";
    private const string RoleEntity = "service account role";

    private const string Columns = "id, app_id, name, description, scopes, disabled, created_at, updated_at";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(ServiceAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync($"INSERT INTO authsome_service_accounts ({Columns}) VALUES (@id, @app_id, @name, @description, @scopes, @disabled, @created_at, @updated_at)", Args(account), cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<ServiceAccount?> GetAsync(Id<ServiceAccount> id, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"SELECT {Columns} FROM authsome_service_accounts WHERE id = @id", new { id = id.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask UpdateAsync(ServiceAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var changed = await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                "UPDATE authsome_service_accounts SET name = @name, description = @description, scopes = @scopes, disabled = @disabled, updated_at = @updated_at WHERE id = @id",
                Args(account),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new StoreNotFoundException(Entity);
        }
    }

    public async ValueTask<bool> DeleteAsync(Id<ServiceAccount> id, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync("DELETE FROM authsome_service_accounts WHERE id = @id", new { id = id.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask AssignRoleAsync(Id<ServiceAccount> id, Id<Role> roleId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            RoleEntity,
            s => s.ExecuteAsync(
                "INSERT INTO authsome_service_account_roles (service_account_id, role_id, created_at) VALUES (@id, @role_id, @created_at)",
                new { id = id.ToString(), role_id = roleId.ToString(), created_at = D.Time(StoreTime.Normalize(at)) },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> UnassignRoleAsync(Id<ServiceAccount> id, Id<Role> roleId, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            RoleEntity,
            s => s.ExecuteAsync(
                "DELETE FROM authsome_service_account_roles WHERE service_account_id = @id AND role_id = @role_id",
                new { id = id.ToString(), role_id = roleId.ToString() },
                cancellationToken),
            cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<IReadOnlyList<Id<Role>>> ListRolesAsync(Id<ServiceAccount> id, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            RoleEntity,
            s => s.QueryAsync(
                "SELECT role_id FROM authsome_service_account_roles WHERE service_account_id = @id ORDER BY created_at, role_id",
                new { id = id.ToString() },
                r => r.Id<Role>("role_id"),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<Page<ServiceAccount>> ListAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken) =>
        await Paging.ListAsync(db, Entity, "authsome_service_accounts", Columns, "app_id = @app_id", new { app_id = appId.ToString() }, page, page.After<ServiceAccount>()?.ToString(), Map, a => a.Id.ToString(), cancellationToken).ConfigureAwait(false);

    private object Args(ServiceAccount a) => new
    {
        id = a.Id.ToString(),
        app_id = a.AppId.ToString(),
        name = a.Name,
        description = a.Description,
        scopes = D.Json(JsonColumn.List(a.Scopes)),
        disabled = a.Disabled,
        created_at = D.Time(a.CreatedAt),
        updated_at = D.Time(a.UpdatedAt),
    };

    private static ServiceAccount Map(RowReader r) => new()
    {
        Id = r.Id<ServiceAccount>("id"),
        AppId = r.Id<App>("app_id"),
        Name = r.Text("name"),
        Description = r.TextOrNull("description"),
        Scopes = r.Strings("scopes"),
        Disabled = r.Bool("disabled"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
