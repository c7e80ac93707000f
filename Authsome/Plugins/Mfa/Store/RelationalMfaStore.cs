using Authsome.Store;
using Authsome.Store.Relational;

namespace Authsome.Plugins.Mfa.Store;

/// <summary>The MFA store in the <c>authsome_mfa_*</c> tables of the store's PostgreSQL or SQLite database; rows go with their user (foreign key, on delete cascade).</summary>
internal sealed class RelationalMfaStore(RelationalPluginContext db) : IMfaStore
{
    private const string TotpEntity = "TOTP factor";
    private const string CodeEntity = "recovery code";
    private const string TicketEntity = "MFA ticket";

    private const string TotpColumns = "id, app_id, user_id, protected_secret, confirmed_at, last_used_step, created_at, updated_at";
    private const string TicketColumns = "id, app_id, user_id, token_hash, purpose, method, attempts, expires_at, created_at";

    public async ValueTask<TotpFactor?> GetTotpAsync(Id<User> userId, CancellationToken cancellationToken) =>
        await db.ReadAsync(TotpEntity, s => s.QueryFirstAsync(
            $"SELECT {TotpColumns} FROM {MfaMigrations.TotpTable} WHERE user_id = @userId", new { userId = userId.ToString() }, MapTotp, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask SaveTotpAsync(TotpFactor factor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factor);
        await db.TransactAsync(TotpEntity, async s =>
        {
            await s.ExecuteAsync($"DELETE FROM {MfaMigrations.TotpTable} WHERE user_id = @userId", new { userId = factor.UserId.ToString() }, cancellationToken).ConfigureAwait(false);
            return await s.ExecuteAsync(
                $"INSERT INTO {MfaMigrations.TotpTable} ({TotpColumns}) VALUES (@id, @appId, @userId, @secret, @confirmedAt, @lastUsedStep, @createdAt, @updatedAt)",
                new
                {
                    id = factor.Id.ToString(),
                    appId = factor.AppId.ToString(),
                    userId = factor.UserId.ToString(),
                    secret = factor.ProtectedSecret,
                    confirmedAt = factor.ConfirmedAt is { } c ? db.Time(c) : null,
                    lastUsedStep = factor.LastUsedStep,
                    createdAt = db.Time(factor.CreatedAt),
                    updatedAt = db.Time(factor.UpdatedAt),
                },
                cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> ConfirmTotpAsync(Id<TotpFactor> id, long step, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.WriteAsync(TotpEntity, s => s.ExecuteAsync(
            $"UPDATE {MfaMigrations.TotpTable} SET confirmed_at = @at, last_used_step = @step, updated_at = @at WHERE id = @id AND confirmed_at IS NULL",
            new { id = id.ToString(), step, at = db.Time(at) }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<bool> TryUseStepAsync(Id<TotpFactor> id, long step, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.WriteAsync(TotpEntity, s => s.ExecuteAsync(
            $"UPDATE {MfaMigrations.TotpTable} SET last_used_step = @step, updated_at = @at WHERE id = @id AND (last_used_step IS NULL OR last_used_step < @step)",
            new { id = id.ToString(), step, at = db.Time(at) }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<bool> DeleteTotpAsync(Id<User> userId, CancellationToken cancellationToken) =>
        await db.TransactAsync(TotpEntity, async s =>
        {
            var args = new { userId = userId.ToString() };
            await s.ExecuteAsync($"DELETE FROM {MfaMigrations.RecoveryCodesTable} WHERE user_id = @userId", args, cancellationToken).ConfigureAwait(false);
            return await s.ExecuteAsync($"DELETE FROM {MfaMigrations.TotpTable} WHERE user_id = @userId", args, cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken).ConfigureAwait(false);

    public async ValueTask ReplaceRecoveryCodesAsync(Id<User> userId, IReadOnlyList<RecoveryCode> codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        await db.TransactAsync(CodeEntity, async s =>
        {
            await s.ExecuteAsync($"DELETE FROM {MfaMigrations.RecoveryCodesTable} WHERE user_id = @userId", new { userId = userId.ToString() }, cancellationToken).ConfigureAwait(false);
            foreach (var code in codes)
            {
                await s.ExecuteAsync(
                    $"INSERT INTO {MfaMigrations.RecoveryCodesTable} (id, user_id, code_hash, used_at, created_at) VALUES (@id, @userId, @hash, @usedAt, @createdAt)",
                    new
                    {
                        id = code.Id.ToString(),
                        userId = userId.ToString(),
                        hash = code.CodeHash.Hex,
                        usedAt = code.UsedAt is { } u ? db.Time(u) : null,
                        createdAt = db.Time(code.CreatedAt),
                    },
                    cancellationToken).ConfigureAwait(false);
            }

            return codes.Count;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> UseRecoveryCodeAsync(Id<User> userId, SecretHash codeHash, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.WriteAsync(CodeEntity, s => s.ExecuteAsync(
            $"UPDATE {MfaMigrations.RecoveryCodesTable} SET used_at = @at WHERE user_id = @userId AND code_hash = @hash AND used_at IS NULL",
            new { userId = userId.ToString(), hash = codeHash.Hex, at = db.Time(at) }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<int> CountRecoveryCodesAsync(Id<User> userId, CancellationToken cancellationToken) =>
        await db.ReadAsync(CodeEntity, s => s.ScalarAsync<int>(
            $"SELECT COUNT(*) FROM {MfaMigrations.RecoveryCodesTable} WHERE user_id = @userId AND used_at IS NULL",
            new { userId = userId.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask CreateTicketAsync(MfaTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await db.WriteAsync(TicketEntity, s => s.ExecuteAsync(
            $"INSERT INTO {MfaMigrations.TicketsTable} ({TicketColumns}) VALUES (@id, @appId, @userId, @hash, @purpose, @method, @attempts, @expiresAt, @createdAt)",
            new
            {
                id = ticket.Id.ToString(),
                appId = ticket.AppId.ToString(),
                userId = ticket.UserId.ToString(),
                hash = ticket.TokenHash.Hex,
                purpose = ticket.Purpose.ToString(),
                method = ticket.Method,
                attempts = ticket.Attempts,
                expiresAt = db.Time(ticket.ExpiresAt),
                createdAt = db.Time(ticket.CreatedAt),
            },
            cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<MfaTicket?> GetTicketAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        await db.ReadAsync(TicketEntity, s => s.QueryFirstAsync(
            $"SELECT {TicketColumns} FROM {MfaMigrations.TicketsTable} WHERE token_hash = @hash", new { hash = tokenHash.Hex }, MapTicket, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<int> RecordTicketFailureAsync(Id<MfaTicket> id, CancellationToken cancellationToken) =>
        await db.WriteAsync(TicketEntity, s => s.ScalarAsync<int>(
            $"UPDATE {MfaMigrations.TicketsTable} SET attempts = attempts + 1 WHERE id = @id RETURNING attempts",
            new { id = id.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> DeleteTicketAsync(Id<MfaTicket> id, CancellationToken cancellationToken) =>
        await db.WriteAsync(TicketEntity, s => s.ExecuteAsync(
            $"DELETE FROM {MfaMigrations.TicketsTable} WHERE id = @id", new { id = id.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<int> PurgeExpiredTicketsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.WriteAsync(TicketEntity, s => s.ExecuteAsync(
            $"DELETE FROM {MfaMigrations.TicketsTable} WHERE expires_at <= @now", new { now = db.Time(now) }, cancellationToken), cancellationToken).ConfigureAwait(false);

    private static TotpFactor MapTotp(RowReader r) => new()
    {
        Id = r.Id<TotpFactor>("id"),
        AppId = r.Id<App>("app_id"),
        UserId = r.Id<User>("user_id"),
        ProtectedSecret = r.Text("protected_secret"),
        ConfirmedAt = r.TimeOrNull("confirmed_at"),
        LastUsedStep = r.LongOrNull("last_used_step"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };

    private static MfaTicket MapTicket(RowReader r) => new()
    {
        Id = r.Id<MfaTicket>("id"),
        AppId = r.Id<App>("app_id"),
        UserId = r.Id<User>("user_id"),
        TokenHash = r.Hash("token_hash"),
        Purpose = Enum.Parse<MfaTicketPurpose>(r.Text("purpose")),
        Method = r.Text("method"),
        Attempts = r.Int("attempts"),
        ExpiresAt = r.Time("expires_at"),
        CreatedAt = r.Time("created_at"),
    };
}
