using Authsome.Store;
using Authsome.Store.Relational;

namespace Authsome.Plugins.MagicLink;

/// <summary>Magic links in the <c>authsome_magic_links</c> table of the store's PostgreSQL or SQLite database.</summary>
internal sealed class RelationalMagicLinkStore(RelationalPluginContext db) : IMagicLinkStore
{
    private const string Entity = "magic link";
    private const string Columns = "id, app_id, email, token_hash, redirect_uri, expires_at, consumed_at, created_at";

    public async ValueTask CreateAsync(MagicLinkToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"INSERT INTO {MagicLinkMigrations.Table} ({Columns}) VALUES (@id, @appId, @email, @tokenHash, @redirectUri, @expiresAt, NULL, @createdAt)",
                new
                {
                    id = token.Id.ToString(),
                    appId = token.AppId.ToString(),
                    email = token.Email,
                    tokenHash = token.TokenHash.Hex,
                    redirectUri = token.RedirectUri,
                    expiresAt = db.Time(token.ExpiresAt),
                    createdAt = db.Time(token.CreatedAt),
                },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<MagicLinkToken?> ConsumeAsync(Id<App> appId, SecretHash tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            Entity,
            s => s.QueryFirstAsync(
                $"""
                UPDATE {MagicLinkMigrations.Table} SET consumed_at = @now
                WHERE token_hash = @tokenHash AND app_id = @appId AND consumed_at IS NULL AND expires_at > @now
                RETURNING {Columns}
                """,
                new { tokenHash = tokenHash.Hex, appId = appId.ToString(), now = db.Time(now) },
                Map,
                cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<int> CountSentSinceAsync(Id<App> appId, string email, DateTimeOffset since, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            Entity,
            s => s.ScalarAsync<int>(
                $"SELECT COUNT(*) FROM {MagicLinkMigrations.Table} WHERE app_id = @appId AND email = @email AND created_at >= @since",
                new { appId = appId.ToString(), email, since = db.Time(since) },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<int> PurgeAsync(DateTimeOffset expiredBy, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync($"DELETE FROM {MagicLinkMigrations.Table} WHERE expires_at <= @expiredBy", new { expiredBy = db.Time(expiredBy) }, cancellationToken),
            cancellationToken).ConfigureAwait(false);

    private static MagicLinkToken Map(RowReader r) => new()
    {
        Id = r.Id<MagicLinkToken>("id"),
        AppId = r.Id<App>("app_id"),
        Email = r.Text("email"),
        TokenHash = r.Hash("token_hash"),
        RedirectUri = r.TextOrNull("redirect_uri"),
        ExpiresAt = r.Time("expires_at"),
        ConsumedAt = r.TimeOrNull("consumed_at"),
        CreatedAt = r.Time("created_at"),
    };
}
