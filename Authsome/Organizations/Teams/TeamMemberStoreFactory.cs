using Authsome.Store;
using Authsome.Store.Memory;
using Authsome.Store.Mongo;
using Authsome.Store.Postgres;
using Authsome.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Organizations.Teams;

/// <summary>Puts team membership in the store's own database, as the password history does (see <c>PasswordHistoryStoreFactory</c>).</summary>
internal static class TeamMemberStoreFactory
{
    public static ITeamMemberStore Create(IServiceProvider services) =>
        services.GetRequiredService<IAuthsomeStore>() switch
        {
            PostgresStore postgres => new SqlTeamMemberStore(async ct => await postgres.DataSource.OpenConnectionAsync(ct), unixMillisecondTimes: false),
            SqliteStore sqlite => new SqlTeamMemberStore(async ct =>
            {
                var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlite.DatabasePath, DefaultTimeout = 30 }.ConnectionString);
                await connection.OpenAsync(ct);
                return connection;
            }, unixMillisecondTimes: true),
            MongoStore mongo => new MongoTeamMemberStore(mongo.Database),
            MemoryStore => new MemoryTeamMemberStore(),
            var other => throw new InvalidOperationException(
                $"Teams keep their members in the store's database and do not know {other.GetType().Name}: team membership needs the PostgreSQL, SQLite, MongoDB or memory store."),
        };
}
