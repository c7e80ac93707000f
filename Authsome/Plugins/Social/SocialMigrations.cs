using Authsome.Store.Migrations;
using Authsome.Store.Mongo;

namespace Authsome.Plugins.Social;

/// <summary>The <c>authsome-social</c> migration group: linked provider accounts, and the flow's one-time grants.</summary>
internal static class SocialMigrations
{
    /// <summary>The group's name.</summary>
    public const string GroupName = "authsome-social";

    /// <summary>The linked accounts table (and collection).</summary>
    public const string AccountsTable = "authsome_social_accounts";

    /// <summary>The grants table (and collection).</summary>
    public const string GrantsTable = "authsome_social_grants";

    public static readonly MigrationGroup Group = new(GroupName, [MigrationGroup.CoreName],
    [
        new Migration(20261130000201, "social_accounts_and_grants",
            SqlMigrationScript.Postgres(
                """
                CREATE TABLE authsome_social_accounts (
                    id                      TEXT COLLATE "C" PRIMARY KEY,
                    app_id                  TEXT COLLATE "C" NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
                    user_id                 TEXT COLLATE "C" NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
                    provider                TEXT COLLATE "C" NOT NULL,
                    subject                 TEXT COLLATE "C" NOT NULL,
                    email                   TEXT,
                    protected_access_token  TEXT,
                    protected_refresh_token TEXT,
                    created_at              TIMESTAMPTZ NOT NULL,
                    updated_at              TIMESTAMPTZ NOT NULL
                );
                CREATE UNIQUE INDEX ux_authsome_social_accounts_subject ON authsome_social_accounts (app_id, provider, subject);
                CREATE INDEX ix_authsome_social_accounts_user ON authsome_social_accounts (user_id, id);
                CREATE TABLE authsome_social_grants (
                    id           TEXT COLLATE "C" PRIMARY KEY,
                    app_id       TEXT COLLATE "C" NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
                    kind         TEXT NOT NULL,
                    token_hash   TEXT COLLATE "C" NOT NULL,
                    provider     TEXT COLLATE "C" NOT NULL,
                    redirect_uri TEXT NOT NULL,
                    user_id      TEXT COLLATE "C" REFERENCES authsome_users (id) ON DELETE CASCADE,
                    expires_at   TIMESTAMPTZ NOT NULL,
                    consumed_at  TIMESTAMPTZ,
                    created_at   TIMESTAMPTZ NOT NULL
                );
                CREATE UNIQUE INDEX ux_authsome_social_grants_token_hash ON authsome_social_grants (token_hash);
                CREATE INDEX ix_authsome_social_grants_expiry ON authsome_social_grants (expires_at);
                """,
                "DROP TABLE authsome_social_grants; DROP TABLE authsome_social_accounts;"),
            SqlMigrationScript.Sqlite(
                """
                CREATE TABLE authsome_social_accounts (
                    id                      TEXT PRIMARY KEY,
                    app_id                  TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
                    user_id                 TEXT NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
                    provider                TEXT NOT NULL,
                    subject                 TEXT NOT NULL,
                    email                   TEXT,
                    protected_access_token  TEXT,
                    protected_refresh_token TEXT,
                    created_at              INTEGER NOT NULL,
                    updated_at              INTEGER NOT NULL
                ) STRICT;
                CREATE UNIQUE INDEX ux_authsome_social_accounts_subject ON authsome_social_accounts (app_id, provider, subject);
                CREATE INDEX ix_authsome_social_accounts_user ON authsome_social_accounts (user_id, id);
                CREATE TABLE authsome_social_grants (
                    id           TEXT PRIMARY KEY,
                    app_id       TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
                    kind         TEXT NOT NULL,
                    token_hash   TEXT NOT NULL,
                    provider     TEXT NOT NULL,
                    redirect_uri TEXT NOT NULL,
                    user_id      TEXT REFERENCES authsome_users (id) ON DELETE CASCADE,
                    expires_at   INTEGER NOT NULL,
                    consumed_at  INTEGER,
                    created_at   INTEGER NOT NULL
                ) STRICT;
                CREATE UNIQUE INDEX ux_authsome_social_grants_token_hash ON authsome_social_grants (token_hash);
                CREATE INDEX ix_authsome_social_grants_expiry ON authsome_social_grants (expires_at);
                """,
                "DROP TABLE authsome_social_grants; DROP TABLE authsome_social_accounts;"),
            new MongoMigrationScript(
                MongoMigrationStep.CreateCollection(AccountsTable),
                MongoMigrationStep.CreateIndex(AccountsTable, new MongoIndex("social_accounts_subject_unique", "app_id", "provider", "subject") { Unique = true }),
                MongoMigrationStep.CreateIndex(AccountsTable, new MongoIndex("social_accounts_user", "user_id", "_id")),
                MongoMigrationStep.CreateCollection(GrantsTable),
                MongoMigrationStep.CreateIndex(GrantsTable, new MongoIndex("social_grants_token_hash_unique", "token_hash") { Unique = true }))),
    ]);
}
