using Authsome.Store.Migrations;
using Authsome.Store.Mongo;

namespace Authsome.Plugins.Jwt;

/// <summary>The <c>authsome-jwt</c> migration group: the apps' signing keys (private halves encrypted).</summary>
internal static class JwtMigrations
{
    /// <summary>The group's name.</summary>
    public const string GroupName = "authsome-jwt";

    /// <summary>The table (and collection).</summary>
    public const string Table = "authsome_signing_keys";

    public static readonly MigrationGroup Group = new(GroupName, [MigrationGroup.CoreName],
    [
        new Migration(20261130000101, "signing_keys",
            SqlMigrationScript.Postgres(
                """
                CREATE TABLE authsome_signing_keys (
                    id                    TEXT COLLATE "C" PRIMARY KEY,
                    app_id                TEXT COLLATE "C" NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
                    algorithm             TEXT NOT NULL,
                    public_jwk            TEXT NOT NULL,
                    protected_private_key TEXT NOT NULL,
                    activates_at          TIMESTAMPTZ NOT NULL,
                    retires_at            TIMESTAMPTZ NOT NULL,
                    expires_at            TIMESTAMPTZ NOT NULL,
                    created_at            TIMESTAMPTZ NOT NULL
                );
                CREATE INDEX ix_authsome_signing_keys_app ON authsome_signing_keys (app_id, expires_at);
                """,
                "DROP TABLE authsome_signing_keys;"),
            SqlMigrationScript.Sqlite(
                """
                CREATE TABLE authsome_signing_keys (
                    id                    TEXT PRIMARY KEY,
                    app_id                TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
                    algorithm             TEXT NOT NULL,
                    public_jwk            TEXT NOT NULL,
                    protected_private_key TEXT NOT NULL,
                    activates_at          INTEGER NOT NULL,
                    retires_at            INTEGER NOT NULL,
                    expires_at            INTEGER NOT NULL,
                    created_at            INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX ix_authsome_signing_keys_app ON authsome_signing_keys (app_id, expires_at);
                """,
                "DROP TABLE authsome_signing_keys;"),
            new MongoMigrationScript(
                MongoMigrationStep.CreateCollection(Table),
                MongoMigrationStep.CreateIndex(Table, new MongoIndex("signing_keys_app", "app_id", "expires_at")))),
    ]);
}
