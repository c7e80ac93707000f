using Authsome.Store;
using Authsome.Store.Relational;

namespace Authsome.Plugins.Jwt;

/// <summary>Signing keys in the <c>authsome_signing_keys</c> table of the store's PostgreSQL or SQLite database.</summary>
internal sealed class RelationalSigningKeyStore(RelationalPluginContext db) : ISigningKeyStore
{
    private const string Entity = "signing key";
    private const string Columns = "id, app_id, algorithm, public_jwk, protected_private_key, activates_at, retires_at, expires_at, created_at";

    public async ValueTask CreateAsync(SigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"""
                INSERT INTO {JwtMigrations.Table} ({Columns})
                VALUES (@id, @appId, @algorithm, @publicJwk, @privateKey, @activatesAt, @retiresAt, @expiresAt, @createdAt)
                """,
                new
                {
                    id = key.Id.ToString(),
                    appId = key.AppId.ToString(),
                    algorithm = key.Algorithm,
                    publicJwk = key.PublicJwk,
                    privateKey = key.ProtectedPrivateKey,
                    activatesAt = db.Time(key.ActivatesAt),
                    retiresAt = db.Time(key.RetiresAt),
                    expiresAt = db.Time(key.ExpiresAt),
                    createdAt = db.Time(key.CreatedAt),
                },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<SigningKey>> ListAsync(Id<App> appId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            Entity,
            s => s.QueryAsync(
                $"SELECT {Columns} FROM {JwtMigrations.Table} WHERE app_id = @appId AND expires_at > @now ORDER BY activates_at, id",
                new { appId = appId.ToString(), now = db.Time(now) },
                Map,
                cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync($"DELETE FROM {JwtMigrations.Table} WHERE expires_at <= @now", new { now = db.Time(now) }, cancellationToken),
            cancellationToken).ConfigureAwait(false);

    private static SigningKey Map(RowReader r) => new()
    {
        Id = r.Id<SigningKey>("id"),
        AppId = r.Id<App>("app_id"),
        Algorithm = r.Text("algorithm"),
        PublicJwk = r.Text("public_jwk"),
        ProtectedPrivateKey = r.Text("protected_private_key"),
        ActivatesAt = r.Time("activates_at"),
        RetiresAt = r.Time("retires_at"),
        ExpiresAt = r.Time("expires_at"),
        CreatedAt = r.Time("created_at"),
    };
}
