using Authsome.Store.Migrations;
using Authsome.Store.Mongo;

namespace Authsome.Plugins.Password;

/// <summary>
/// The <c>authsome-password</c> migration group: the password history that lets the plugin refuse a recently used
/// password. It depends on the core group (its rows belong to <c>authsome_users</c> and go with them).
/// </summary>
internal static class PasswordMigrations
{
    /// <summary>The group's name.</summary>
    public const string GroupName = "authsome-password";

    /// <summary>The history table (and collection).</summary>
    public const string HistoryTable = "authsome_password_history";

    public static readonly MigrationGroup Group = new(GroupName, [MigrationGroup.CoreName],
    [
        new Migration(20261120000001, "password_history",
            SqlMigrationScript.Postgres(
                """
                CREATE TABLE authsome_password_history (
                    id            TEXT COLLATE "C" PRIMARY KEY,
                    user_id       TEXT COLLATE "C" NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
                    password_hash TEXT NOT NULL,
                    created_at    TIMESTAMPTZ NOT NULL
                );
                CREATE INDEX ix_authsome_password_history_user ON authsome_password_history (user_id, created_at DESC);
                """,
                "DROP TABLE authsome_password_history;"),
            SqlMigrationScript.Sqlite(
                """
                CREATE TABLE authsome_password_history (
                    id            TEXT PRIMARY KEY,
                    user_id       TEXT NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
                    password_hash TEXT NOT NULL,
                    created_at    INTEGER NOT NULL
                );
                CREATE INDEX ix_authsome_password_history_user ON authsome_password_history (user_id, created_at DESC);
                """,
                "DROP TABLE authsome_password_history;"),
            new MongoMigrationScript(
                MongoMigrationStep.CreateCollection(HistoryTable),
                MongoMigrationStep.CreateIndex(HistoryTable, new MongoIndex("password_history_user", [new MongoIndexKey("user_id"), new MongoIndexKey("created_at", Descending: true)])))),
    ]);
}
