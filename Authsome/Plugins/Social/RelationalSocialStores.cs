using Authsome.Store;
using Authsome.Store.Relational;

namespace Authsome.Plugins.Social;

/// <summary>Linked accounts in the <c>authsome_social_accounts</c> table; rows go with their user (foreign key, on delete cascade).</summary>
internal sealed class RelationalSocialAccountStore(RelationalPluginContext db) : ISocialAccountStore
{
    private const string Entity = "social account";
    private const string Columns = "id, app_id, user_id, provider, subject, email, protected_access_token, protected_refresh_token, created_at, updated_at";
    private const string Select = $"SELECT {Columns} FROM {SocialMigrations.AccountsTable}";

    public async ValueTask CreateAsync(SocialAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"""
                INSERT INTO {SocialMigrations.AccountsTable} ({Columns})
                VALUES (@id, @appId, @userId, @provider, @subject, @email, @accessToken, @refreshToken, @createdAt, @updatedAt)
                """,
                Parameters(account),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<SocialAccount?> GetAsync(Id<SocialAccount> id, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE id = @id", new { id = id.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<SocialAccount?> GetBySubjectAsync(Id<App> appId, string provider, string subject, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync($"{Select} WHERE app_id = @appId AND provider = @provider AND subject = @subject", new { appId = appId.ToString(), provider, subject }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<SocialAccount>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryAsync($"{Select} WHERE user_id = @userId ORDER BY id", new { userId = userId.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask UpdateAsync(SocialAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var changed = await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"""
                UPDATE {SocialMigrations.AccountsTable}
                SET email = @email, protected_access_token = @accessToken, protected_refresh_token = @refreshToken, updated_at = @updatedAt
                WHERE id = @id
                """,
                Parameters(account),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new StoreNotFoundException(Entity);
        }
    }

    public async ValueTask<bool> DeleteAsync(Id<SocialAccount> id, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync($"DELETE FROM {SocialMigrations.AccountsTable} WHERE id = @id", new { id = id.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    private object Parameters(SocialAccount a) => new
    {
        id = a.Id.ToString(),
        appId = a.AppId.ToString(),
        userId = a.UserId.ToString(),
        provider = a.Provider,
        subject = a.Subject,
        email = a.Email,
        accessToken = a.ProtectedAccessToken,
        refreshToken = a.ProtectedRefreshToken,
        createdAt = db.Time(a.CreatedAt),
        updatedAt = db.Time(a.UpdatedAt),
    };

    private static SocialAccount Map(RowReader r) => new()
    {
        Id = r.Id<SocialAccount>("id"),
        AppId = r.Id<App>("app_id"),
        UserId = r.Id<User>("user_id"),
        Provider = r.Text("provider"),
        Subject = r.Text("subject"),
        Email = r.TextOrNull("email"),
        ProtectedAccessToken = r.TextOrNull("protected_access_token"),
        ProtectedRefreshToken = r.TextOrNull("protected_refresh_token"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}

/// <summary>Social grants in the <c>authsome_social_grants</c> table.</summary>
internal sealed class RelationalSocialGrantStore(RelationalPluginContext db) : ISocialGrantStore
{
    private const string Entity = "social grant";
    private const string Columns = "id, app_id, kind, token_hash, provider, redirect_uri, user_id, expires_at, consumed_at, created_at";

    public async ValueTask CreateAsync(SocialGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"""
                INSERT INTO {SocialMigrations.GrantsTable} ({Columns})
                VALUES (@id, @appId, @kind, @tokenHash, @provider, @redirectUri, @userId, @expiresAt, NULL, @createdAt)
                """,
                new
                {
                    id = grant.Id.ToString(),
                    appId = grant.AppId.ToString(),
                    kind = SocialStores.KindText(grant.Kind),
                    tokenHash = grant.TokenHash.Hex,
                    provider = grant.Provider,
                    redirectUri = grant.RedirectUri,
                    userId = grant.UserId?.ToString(),
                    expiresAt = db.Time(grant.ExpiresAt),
                    createdAt = db.Time(grant.CreatedAt),
                },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<SocialGrant?> ConsumeAsync(Id<App> appId, SocialGrantKind kind, SecretHash tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            Entity,
            s => s.QueryFirstAsync(
                $"""
                UPDATE {SocialMigrations.GrantsTable} SET consumed_at = @now
                WHERE token_hash = @tokenHash AND app_id = @appId AND kind = @kind AND consumed_at IS NULL AND expires_at > @now
                RETURNING {Columns}
                """,
                new { tokenHash = tokenHash.Hex, appId = appId.ToString(), kind = SocialStores.KindText(kind), now = db.Time(now) },
                r => new SocialGrant
                {
                    Id = r.Id<SocialGrant>("id"),
                    AppId = r.Id<App>("app_id"),
                    Kind = SocialStores.ParseKind(r.Text("kind")),
                    TokenHash = r.Hash("token_hash"),
                    Provider = r.Text("provider"),
                    RedirectUri = r.Text("redirect_uri"),
                    UserId = r.IdOrNull<User>("user_id"),
                    ExpiresAt = r.Time("expires_at"),
                    ConsumedAt = r.TimeOrNull("consumed_at"),
                    CreatedAt = r.Time("created_at"),
                },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<int> PurgeAsync(DateTimeOffset expiredBy, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync($"DELETE FROM {SocialMigrations.GrantsTable} WHERE expires_at <= @expiredBy", new { expiredBy = db.Time(expiredBy) }, cancellationToken),
            cancellationToken).ConfigureAwait(false);
}
