using Authsome.Store.Migrations;
using Authsome.Store.Mongo;

namespace Authsome.SamplePlugin.Plugin;

/// <summary>
/// The plugin's own migration group: its table (and collection) of recorded sign-ins, depending on the core group
/// (rows belong to <c>authsome_users</c> and go with them). The migrator and <c>MigrateOnStart</c> apply it with core.
/// </summary>
public static class OneTimeCodeMigrations
{
    /// <summary>The group's name: the plugin's name, prefixed so that it cannot clash with Authsome's groups.</summary>
    public const string GroupName = "sample-one-time-code";

    /// <summary>The table (and collection) of the plugin's sign-ins.</summary>
    public const string SignInsTable = "sample_one_time_code_sign_ins";

    /// <summary>The group.</summary>
    public static readonly MigrationGroup Group = new(GroupName, [MigrationGroup.CoreName],
    [
        new Migration(20261130000001, "sign_ins",
            SqlMigrationScript.Postgres(
                """
                CREATE TABLE sample_one_time_code_sign_ins (
                    id         TEXT COLLATE "C" PRIMARY KEY,
                    user_id    TEXT COLLATE "C" NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
                    created_at TIMESTAMPTZ NOT NULL
                );
                CREATE INDEX ix_sample_one_time_code_sign_ins_user ON sample_one_time_code_sign_ins (user_id);
                """,
                "DROP TABLE sample_one_time_code_sign_ins;"),
            SqlMigrationScript.Sqlite(
                """
                CREATE TABLE sample_one_time_code_sign_ins (
                    id         TEXT PRIMARY KEY,
                    user_id    TEXT NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
                    created_at INTEGER NOT NULL
                );
                CREATE INDEX ix_sample_one_time_code_sign_ins_user ON sample_one_time_code_sign_ins (user_id);
                """,
                "DROP TABLE sample_one_time_code_sign_ins;"),
            new MongoMigrationScript(
                MongoMigrationStep.CreateCollection(SignInsTable),
                MongoMigrationStep.CreateIndex(SignInsTable, new MongoIndex("sign_ins_user", [new MongoIndexKey("user_id")])))),
    ]);
}
