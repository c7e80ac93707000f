namespace Authsome.Store.Relational;

internal sealed class RelationalFormConfigStore(RelationalDatabase db) : IFormConfigStore
{
    private const string Entity = "form config";

    private const string Columns = "id, app_id, form_type, fields, active, version, created_at, updated_at";

    private const string Select = $"SELECT {Columns} FROM authsome_form_configs";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(FormConfig formConfig, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(formConfig);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync($"INSERT INTO authsome_form_configs ({Columns}) VALUES (@id, @app_id, @form_type, @fields, @active, @version, @created_at, @updated_at)", Args(formConfig), cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<FormConfig?> GetAsync(Id<App> appId, string formType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(formType);
        return await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync($"{Select} WHERE app_id = @app_id AND form_type = @form_type", new { app_id = appId.ToString(), form_type = formType }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask UpdateAsync(FormConfig formConfig, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(formConfig);
        var changed = await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                "UPDATE authsome_form_configs SET form_type = @form_type, fields = @fields, active = @active, version = @version, updated_at = @updated_at WHERE id = @id",
                Args(formConfig),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new StoreNotFoundException(Entity);
        }
    }

    public async ValueTask<bool> DeleteAsync(Id<FormConfig> id, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync("DELETE FROM authsome_form_configs WHERE id = @id", new { id = id.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<IReadOnlyList<FormConfig>> ListAsync(Id<App> appId, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryAsync($"{Select} WHERE app_id = @app_id ORDER BY id", new { app_id = appId.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    private object Args(FormConfig f) => new
    {
        id = f.Id.ToString(),
        app_id = f.AppId.ToString(),
        form_type = f.FormType,
        fields = D.Json(JsonColumn.List(f.Fields)),
        active = f.Active,
        version = f.Version,
        created_at = D.Time(f.CreatedAt),
        updated_at = D.Time(f.UpdatedAt),
    };

    private static FormConfig Map(RowReader r) => new()
    {
        Id = r.Id<FormConfig>("id"),
        AppId = r.Id<App>("app_id"),
        FormType = r.Text("form_type"),
        Fields = r.List<FormField>("fields"),
        Active = r.Bool("active"),
        Version = r.Int("version"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
