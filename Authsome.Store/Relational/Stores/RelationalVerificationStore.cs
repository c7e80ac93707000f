namespace Authsome.Store.Relational;

internal sealed class RelationalVerificationStore(RelationalDatabase db) : IVerificationStore
{
    private const string Entity = "verification";

    private const string Columns = "id, app_id, user_id, type, target, token_hash, code_hash, attempts, expires_at, consumed_at, created_at";

    private const string Select = $"SELECT {Columns} FROM authsome_verifications";

    private const string Usable = "consumed_at IS NULL AND expires_at > @now";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(Verification verification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verification);
        var v = verification;
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"""
                INSERT INTO authsome_verifications ({Columns})
                VALUES (@id, @app_id, @user_id, @type, @target, @token_hash, @code_hash, @attempts, @expires_at, @consumed_at, @created_at)
                """,
                new
                {
                    id = v.Id.ToString(),
                    app_id = v.AppId.ToString(),
                    user_id = v.UserId.ToString(),
                    type = EnumText.Of(v.Type),
                    target = v.Target,
                    token_hash = v.TokenHash.Hex,
                    code_hash = v.CodeHash?.Hex,
                    attempts = v.Attempts,
                    expires_at = D.Time(v.ExpiresAt),
                    consumed_at = D.Time(v.ConsumedAt),
                    created_at = D.Time(v.CreatedAt),
                },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Verification?> GetAsync(Id<Verification> id, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE id = @id", new { id = id.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Verification?> GetByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE token_hash = @token_hash", new { token_hash = tokenHash.Hex }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Verification?> GetActiveAsync(Id<User> userId, VerificationType type, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync(
                $"{Select} WHERE user_id = @user_id AND type = @type AND {Usable} ORDER BY created_at DESC, id DESC LIMIT 1",
                new { user_id = userId.ToString(), type = EnumText.Of(type), now = D.Time(StoreTime.Normalize(now)) },
                Map,
                cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<int> IncrementAttemptsAsync(Id<Verification> id, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            Entity,
            s => s.ScalarAsync<int>("UPDATE authsome_verifications SET attempts = attempts + 1 WHERE id = @id RETURNING attempts", new { id = id.ToString() }, cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> ConsumeAsync(Id<Verification> id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"UPDATE authsome_verifications SET consumed_at = @now WHERE id = @id AND {Usable}",
                new { id = id.ToString(), now = D.Time(StoreTime.Normalize(now)) },
                cancellationToken),
            cancellationToken).ConfigureAwait(false) == 1;

    public async ValueTask<int> ConsumeAllAsync(Id<User> userId, VerificationType type, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"UPDATE authsome_verifications SET consumed_at = @now WHERE user_id = @user_id AND type = @type AND {Usable}",
                new { user_id = userId.ToString(), type = EnumText.Of(type), now = D.Time(StoreTime.Normalize(now)) },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);

    private static Verification Map(RowReader r) => new()
    {
        Id = r.Id<Verification>("id"),
        AppId = r.Id<App>("app_id"),
        UserId = r.Id<User>("user_id"),
        Type = r.Enum<VerificationType>("type"),
        Target = r.TextOrNull("target"),
        TokenHash = r.Hash("token_hash"),
        CodeHash = r.HashOrNull("code_hash"),
        Attempts = r.Int("attempts"),
        ExpiresAt = r.Time("expires_at"),
        ConsumedAt = r.TimeOrNull("consumed_at"),
        CreatedAt = r.Time("created_at"),
    };
}
