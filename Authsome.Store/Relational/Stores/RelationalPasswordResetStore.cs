namespace Authsome.Store.Relational;

internal sealed class RelationalPasswordResetStore(RelationalDatabase db) : IPasswordResetStore
{
    private const string Entity = "password reset";

    private const string Columns = "id, app_id, user_id, token_hash, expires_at, consumed_at, created_at";

    private const string Usable = "consumed_at IS NULL AND expires_at > @now";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(PasswordReset reset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reset);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"INSERT INTO authsome_password_resets ({Columns}) VALUES (@id, @app_id, @user_id, @token_hash, @expires_at, @consumed_at, @created_at)",
                new
                {
                    id = reset.Id.ToString(),
                    app_id = reset.AppId.ToString(),
                    user_id = reset.UserId.ToString(),
                    token_hash = reset.TokenHash.Hex,
                    expires_at = D.Time(reset.ExpiresAt),
                    consumed_at = D.Time(reset.ConsumedAt),
                    created_at = D.Time(reset.CreatedAt),
                },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<PasswordReset?> GetByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync($"SELECT {Columns} FROM authsome_password_resets WHERE token_hash = @token_hash", new { token_hash = tokenHash.Hex }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> ConsumeAsync(Id<PasswordReset> id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"UPDATE authsome_password_resets SET consumed_at = @now WHERE id = @id AND {Usable}",
                new { id = id.ToString(), now = D.Time(StoreTime.Normalize(now)) },
                cancellationToken),
            cancellationToken).ConfigureAwait(false) == 1;

    public async ValueTask<int> ConsumeAllAsync(Id<User> userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"UPDATE authsome_password_resets SET consumed_at = @now WHERE user_id = @user_id AND {Usable}",
                new { user_id = userId.ToString(), now = D.Time(StoreTime.Normalize(now)) },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);

    private static PasswordReset Map(RowReader r) => new()
    {
        Id = r.Id<PasswordReset>("id"),
        AppId = r.Id<App>("app_id"),
        UserId = r.Id<User>("user_id"),
        TokenHash = r.Hash("token_hash"),
        ExpiresAt = r.Time("expires_at"),
        ConsumedAt = r.TimeOrNull("consumed_at"),
        CreatedAt = r.Time("created_at"),
    };
}
