using System.Data.Common;
using Authsome.Store;
using Dapper;

namespace Authsome.Plugins.Password.History;

/// <summary>
/// Password history in the <c>authsome_password_history</c> table of a PostgreSQL or SQLite database (the store's own
/// database). Driver errors surface as <see cref="StoreUnavailableException"/>.
/// </summary>
internal sealed class SqlPasswordHistoryStore(Func<CancellationToken, ValueTask<DbConnection>> open, bool unixMillisecondTimes) : IPasswordHistoryStore
{
    public async ValueTask<IReadOnlyList<string>> GetRecentAsync(Id<User> userId, int count, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await open(cancellationToken);
            var rows = await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT password_hash FROM {PasswordMigrations.HistoryTable} WHERE user_id = @UserId ORDER BY created_at DESC, id DESC LIMIT @Count",
                new { UserId = userId.ToString(), Count = count }, cancellationToken: cancellationToken));
            return [.. rows];
        }
        catch (DbException ex)
        {
            throw new StoreUnavailableException("The password history could not be read.", ex);
        }
    }

    public async ValueTask AddAsync(Id<User> userId, string passwordHash, DateTimeOffset at, int keep, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await open(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            object createdAt = unixMillisecondTimes ? StoreTime.Normalize(at).ToUnixTimeMilliseconds() : StoreTime.Normalize(at);
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO {PasswordMigrations.HistoryTable} (id, user_id, password_hash, created_at) VALUES (@Id, @UserId, @Hash, @CreatedAt)",
                new { Id = Guid.CreateVersion7(at).ToString("N"), UserId = userId.ToString(), Hash = passwordHash, CreatedAt = createdAt },
                transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                DELETE FROM {PasswordMigrations.HistoryTable} WHERE user_id = @UserId AND id NOT IN (
                    SELECT id FROM {PasswordMigrations.HistoryTable} WHERE user_id = @UserId ORDER BY created_at DESC, id DESC LIMIT @Keep)
                """,
                new { UserId = userId.ToString(), Keep = keep }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            throw new StoreUnavailableException("The password history could not be written.", ex);
        }
    }
}
