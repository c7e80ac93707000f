using System.Buffers.Text;
using Authsome.Store;
using Authsome.Store.Relational;

namespace Authsome.Plugins.Passkeys.Store;

/// <summary>Passkeys in the <c>authsome_passkey*</c> tables of the store's PostgreSQL or SQLite database; a user's passkeys go with the user (foreign key, on delete cascade).</summary>
internal sealed class RelationalPasskeyStore(RelationalPluginContext db) : IPasskeyStore
{
    private const string Entity = "passkey";
    private const string ChallengeEntity = "passkey challenge";

    private const string Columns =
        "id, app_id, user_id, credential_id, public_key, user_handle, sign_count, name, transports, aaguid, backup_eligible, backed_up, last_used_at, created_at, updated_at";

    private const string Select = $"SELECT {Columns} FROM {PasskeyMigrations.PasskeysTable}";

    private const string ChallengeColumns = "id, app_id, user_id, ceremony, challenge_hash, options_json, expires_at, created_at";

    public async ValueTask CreateAsync(Passkey passkey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        await db.WriteAsync(Entity, s => s.ExecuteAsync(
            $"""
            INSERT INTO {PasskeyMigrations.PasskeysTable} ({Columns}) VALUES (@id, @appId, @userId, @credentialId, @publicKey, @userHandle, @signCount, @name,
                @transports, @aaguid, @backupEligible, @backedUp, @lastUsedAt, @createdAt, @updatedAt)
            """,
            new
            {
                id = passkey.Id.ToString(),
                appId = passkey.AppId.ToString(),
                userId = passkey.UserId.ToString(),
                credentialId = Base64Url.EncodeToString(passkey.CredentialId),
                publicKey = Base64Url.EncodeToString(passkey.PublicKey),
                userHandle = Base64Url.EncodeToString(passkey.UserHandle),
                signCount = passkey.SignCount,
                name = passkey.Name,
                transports = string.Join(',', passkey.Transports),
                aaguid = passkey.AaGuid.ToString("D"),
                backupEligible = passkey.BackupEligible,
                backedUp = passkey.BackedUp,
                lastUsedAt = passkey.LastUsedAt is { } used ? db.Time(used) : null,
                createdAt = db.Time(passkey.CreatedAt),
                updatedAt = db.Time(passkey.UpdatedAt),
            },
            cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Passkey?> GetAsync(Id<Passkey> id, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE id = @id", new { id = id.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Passkey?> GetByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync(
            $"{Select} WHERE credential_id = @credentialId", new { credentialId = Base64Url.EncodeToString(credentialId) }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Passkey>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryAsync($"{Select} WHERE user_id = @userId ORDER BY id", new { userId = userId.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> RenameAsync(Id<Passkey> id, string name, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync(
            $"UPDATE {PasskeyMigrations.PasskeysTable} SET name = @name, updated_at = @at WHERE id = @id",
            new { id = id.ToString(), name, at = db.Time(at) }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<bool> RecordUseAsync(Id<Passkey> id, long expectedSignCount, long signCount, bool backedUp, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync(
            $"""
            UPDATE {PasskeyMigrations.PasskeysTable} SET sign_count = @signCount, backed_up = @backedUp, last_used_at = @at, updated_at = @at
            WHERE id = @id AND sign_count = @expectedSignCount
            """,
            new { id = id.ToString(), expectedSignCount, signCount, backedUp, at = db.Time(at) }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<bool> DeleteAsync(Id<Passkey> id, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync(
            $"DELETE FROM {PasskeyMigrations.PasskeysTable} WHERE id = @id", new { id = id.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask CreateChallengeAsync(PasskeyChallenge challenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        await db.WriteAsync(ChallengeEntity, s => s.ExecuteAsync(
            $"INSERT INTO {PasskeyMigrations.ChallengesTable} ({ChallengeColumns}) VALUES (@id, @appId, @userId, @ceremony, @hash, @options, @expiresAt, @createdAt)",
            new
            {
                id = challenge.Id.ToString(),
                appId = challenge.AppId.ToString(),
                userId = challenge.UserId?.ToString(),
                ceremony = challenge.Ceremony.ToString(),
                hash = challenge.ChallengeHash.Hex,
                options = challenge.OptionsJson,
                expiresAt = db.Time(challenge.ExpiresAt),
                createdAt = db.Time(challenge.CreatedAt),
            },
            cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    // DELETE ... RETURNING: of two concurrent answers with the same challenge, only one gets the row.
    public async ValueTask<PasskeyChallenge?> TakeChallengeAsync(SecretHash challengeHash, CancellationToken cancellationToken) =>
        await db.WriteAsync(ChallengeEntity, s => s.QueryFirstAsync(
            $"DELETE FROM {PasskeyMigrations.ChallengesTable} WHERE challenge_hash = @hash RETURNING {ChallengeColumns}",
            new { hash = challengeHash.Hex }, MapChallenge, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<int> PurgeExpiredChallengesAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.WriteAsync(ChallengeEntity, s => s.ExecuteAsync(
            $"DELETE FROM {PasskeyMigrations.ChallengesTable} WHERE expires_at <= @now", new { now = db.Time(now) }, cancellationToken), cancellationToken).ConfigureAwait(false);

    private static Passkey Map(RowReader r) => new()
    {
        Id = r.Id<Passkey>("id"),
        AppId = r.Id<App>("app_id"),
        UserId = r.Id<User>("user_id"),
        CredentialId = Base64Url.DecodeFromChars(r.Text("credential_id")),
        PublicKey = Base64Url.DecodeFromChars(r.Text("public_key")),
        UserHandle = Base64Url.DecodeFromChars(r.Text("user_handle")),
        SignCount = r.LongOrNull("sign_count") ?? 0,
        Name = r.Text("name"),
        Transports = r.Text("transports").Split(',', StringSplitOptions.RemoveEmptyEntries),
        AaGuid = Guid.Parse(r.Text("aaguid")),
        BackupEligible = r.Bool("backup_eligible"),
        BackedUp = r.Bool("backed_up"),
        LastUsedAt = r.TimeOrNull("last_used_at"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };

    private static PasskeyChallenge MapChallenge(RowReader r) => new()
    {
        Id = r.Id<PasskeyChallenge>("id"),
        AppId = r.Id<App>("app_id"),
        UserId = r.IdOrNull<User>("user_id"),
        Ceremony = Enum.Parse<PasskeyCeremony>(r.Text("ceremony")),
        ChallengeHash = r.Hash("challenge_hash"),
        OptionsJson = r.Text("options_json"),
        ExpiresAt = r.Time("expires_at"),
        CreatedAt = r.Time("created_at"),
    };
}
