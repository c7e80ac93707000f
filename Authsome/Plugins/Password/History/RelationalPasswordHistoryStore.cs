using Authsome.Store;
using Authsome.Store.Relational;

namespace Authsome.Plugins.Password.History;

/// <summary>Password history in the <c>authsome_password_history</c> table of the store's PostgreSQL or SQLite database; its rows go with their user (foreign key, on delete cascade).</summary>
internal sealed class RelationalPasswordHistoryStore(RelationalPluginContext db) : IPasswordHistoryStore
{
    private const string Entity = "password history";

    private const string Recent =
        $"SELECT password_hash, created_at FROM {PasswordMigrations.HistoryTable} WHERE user_id = @userId ORDER BY created_at DESC, id DESC LIMIT @count";

    private const string Insert =
        $"INSERT INTO {PasswordMigrations.HistoryTable} (id, user_id, password_hash, created_at) VALUES (@id, @userId, @hash, @createdAt)";

    private const string Trim =
        $"""
        DELETE FROM {PasswordMigrations.HistoryTable} WHERE user_id = @userId AND id NOT IN (
            SELECT id FROM {PasswordMigrations.HistoryTable} WHERE user_id = @userId ORDER BY created_at DESC, id DESC LIMIT @keep)
        """;

    public async ValueTask<IReadOnlyList<PasswordHistoryEntry>> GetRecentAsync(Id<User> userId, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return await db.ReadAsync(
            Entity,
            s => s.QueryAsync(Recent, new { userId = userId.ToString(), count }, r => new PasswordHistoryEntry(r.Text("password_hash"), r.Time("created_at")), cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask AddAsync(Id<User> userId, PasswordHistoryEntry entry, int keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        var user = userId.ToString();
        await db.TransactAsync(
            Entity,
            async s =>
            {
                await s.ExecuteAsync(Insert, new { id = Guid.CreateVersion7(entry.CreatedAt).ToString("N"), userId = user, hash = entry.PasswordHash, createdAt = db.Time(entry.CreatedAt) }, cancellationToken).ConfigureAwait(false);
                return await s.ExecuteAsync(Trim, new { userId = user, keep }, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
