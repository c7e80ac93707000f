using Authsome.Store.Migrations;
using Authsome.Store.Mongo;

namespace Authsome.Plugins.MagicLink;

/// <summary>The <c>authsome-magic-link</c> migration group: the sign-in links sent, by token hash and by address.</summary>
internal static class MagicLinkMigrations
{
    /// <summary>The group's name.</summary>
    public const string GroupName = "authsome-magic-link";

    /// <summary>The table (and collection).</summary>
    public const string Table = "authsome_magic_links";

    public static readonly MigrationGroup Group = new(GroupName, [MigrationGroup.CoreName],
    [
        new Migration(20261130000001, "magic_links",
            SqlMigrationScript.Postgres(
                """
                CREATE TABLE authsome_magic_links (
                    id           TEXT COLLATE "C" PRIMARY KEY,
                    app_id       TEXT COLLATE "C" NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
                    email        TEXT NOT NULL,
                    token_hash   TEXT COLLATE "C" NOT NULL,
                    redirect_uri TEXT,
                    expires_at   TIMESTAMPTZ NOT NULL,
                    consumed_at  TIMESTAMPTZ,
                    created_at   TIMESTAMPTZ NOT NULL
                );
                CREATE UNIQUE INDEX ux_authsome_magic_links_token_hash ON authsome_magic_links (token_hash);
                CREATE INDEX ix_authsome_magic_links_email ON authsome_magic_links (app_id, email, created_at);
                CREATE INDEX ix_authsome_magic_links_expiry ON authsome_magic_links (expires_at);
                """,
                "DROP TABLE authsome_magic_links;"),
            SqlMigrationScript.Sqlite(
                """
                CREATE TABLE authsome_magic_links (
                    id           TEXT PRIMARY KEY,
                    app_id       TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
                    email        TEXT NOT NULL,
                    token_hash   TEXT NOT NULL,
                    redirect_uri TEXT,
                    expires_at   INTEGER NOT NULL,
                    consumed_at  INTEGER,
                    created_at   INTEGER NOT NULL
                ) STRICT;
                CREATE UNIQUE INDEX ux_authsome_magic_links_token_hash ON authsome_magic_links (token_hash);
                CREATE INDEX ix_authsome_magic_links_email ON authsome_magic_links (app_id, email, created_at);
                CREATE INDEX ix_authsome_magic_links_expiry ON authsome_magic_links (expires_at);
                """,
                "DROP TABLE authsome_magic_links;"),
            new MongoMigrationScript(
                MongoMigrationStep.CreateCollection(Table),
                MongoMigrationStep.CreateIndex(Table, new MongoIndex("magic_links_token_hash_unique", "token_hash") { Unique = true }),
                MongoMigrationStep.CreateIndex(Table, new MongoIndex("magic_links_email", "app_id", "email", "created_at")))),
    ]);
}
