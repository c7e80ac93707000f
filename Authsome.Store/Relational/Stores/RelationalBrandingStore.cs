namespace Authsome.Store.Relational;

internal sealed class RelationalBrandingStore(RelationalDatabase db) : IBrandingStore
{
    private const string Entity = "branding";

    private const string Columns = "id, org_id, logo_url, colors, font_family, custom_css, company_name, tagline, created_at, updated_at";

    // One per organization: a second save replaces the fields but keeps the stored id and creation time.
    private const string Upsert =
        $"""
        INSERT INTO authsome_branding_configs ({Columns})
        VALUES (@id, @org_id, @logo_url, @colors, @font_family, @custom_css, @company_name, @tagline, @created_at, @updated_at)
        ON CONFLICT (org_id) DO UPDATE SET
            logo_url = excluded.logo_url, colors = excluded.colors, font_family = excluded.font_family,
            custom_css = excluded.custom_css, company_name = excluded.company_name, tagline = excluded.tagline,
            updated_at = excluded.updated_at
        RETURNING {Columns}
        """;

    private RelationalDialect D => db.Dialect;

    public async ValueTask<BrandingConfig?> GetAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync($"SELECT {Columns} FROM authsome_branding_configs WHERE org_id = @org_id", new { org_id = orgId.ToString() }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<BrandingConfig> SaveAsync(BrandingConfig branding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(branding);
        var b = branding;
        var args = new
        {
            id = b.Id.ToString(),
            org_id = b.OrgId.ToString(),
            logo_url = b.LogoUrl,
            colors = D.Json(JsonColumn.Map(b.Colors)),
            font_family = b.FontFamily,
            custom_css = b.CustomCss,
            company_name = b.CompanyName,
            tagline = b.Tagline,
            created_at = D.Time(b.CreatedAt),
            updated_at = D.Time(b.UpdatedAt),
        };
        var stored = await db.WriteAsync(Entity, s => s.QueryFirstAsync(Upsert, args, Map, cancellationToken), cancellationToken).ConfigureAwait(false);
        return stored ?? throw new StoreException("The branding upsert returned no row.");
    }

    public async ValueTask<bool> DeleteAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync("DELETE FROM authsome_branding_configs WHERE org_id = @org_id", new { org_id = orgId.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    private static BrandingConfig Map(RowReader r) => new()
    {
        Id = r.Id<BrandingConfig>("id"),
        OrgId = r.Id<Organization>("org_id"),
        LogoUrl = r.TextOrNull("logo_url"),
        Colors = r.Map("colors"),
        FontFamily = r.TextOrNull("font_family"),
        CustomCss = r.TextOrNull("custom_css"),
        CompanyName = r.TextOrNull("company_name"),
        Tagline = r.TextOrNull("tagline"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
