using Authsome.Store.Migrations;
using Authsome.Store.Mongo;

namespace Authsome.Plugins.Mfa;

/// <summary>
/// The <c>authsome-mfa</c> migration group: TOTP factors, recovery codes and sign-in tickets. It depends on the core
/// group: every row belongs to a user and goes with them.
/// </summary>
internal static class MfaMigrations
{
    /// <summary>The group's name.</summary>
    public const string GroupName = "authsome-mfa";

    public const string TotpTable = "authsome_mfa_totp";
    public const string RecoveryCodesTable = "authsome_mfa_recovery_codes";
    public const string TicketsTable = "authsome_mfa_tickets";

    public static readonly MigrationGroup Group = new(GroupName, [MigrationGroup.CoreName],
    [
        new Migration(20261130000001, "mfa_totp_recovery_codes_tickets",
            SqlMigrationScript.Postgres(
                """
                CREATE TABLE authsome_mfa_totp (
                    id               TEXT COLLATE "C" PRIMARY KEY,
                    app_id           TEXT COLLATE "C" NOT NULL,
                    user_id          TEXT COLLATE "C" NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
                    protected_secret TEXT NOT NULL,
                    confirmed_at     TIMESTAMPTZ,
                    last_used_step   BIGINT,
                    created_at       TIMESTAMPTZ NOT NULL,
                    updated_at       TIMESTAMPTZ NOT NULL
                );
                CREATE UNIQUE INDEX ux_authsome_mfa_totp_user ON authsome_mfa_totp (user_id);

                CREATE TABLE authsome_mfa_recovery_codes (
                    id         TEXT COLLATE "C" PRIMARY KEY,
                    user_id    TEXT COLLATE "C" NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
                    code_hash  TEXT COLLATE "C" NOT NULL,
                    used_at    TIMESTAMPTZ,
                    created_at TIMESTAMPTZ NOT NULL
                );
                CREATE UNIQUE INDEX ux_authsome_mfa_recovery_codes_hash ON authsome_mfa_recovery_codes (user_id, code_hash);

                CREATE TABLE authsome_mfa_tickets (
                    id         TEXT COLLATE "C" PRIMARY KEY,
                    app_id     TEXT COLLATE "C" NOT NULL,
                    user_id    TEXT COLLATE "C" NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
                    token_hash TEXT COLLATE "C" NOT NULL,
                    purpose    TEXT NOT NULL,
                    method     TEXT NOT NULL,
                    attempts   INTEGER NOT NULL,
                    expires_at TIMESTAMPTZ NOT NULL,
                    created_at TIMESTAMPTZ NOT NULL
                );
                CREATE UNIQUE INDEX ux_authsome_mfa_tickets_token_hash ON authsome_mfa_tickets (token_hash);
                CREATE INDEX ix_authsome_mfa_tickets_expiry ON authsome_mfa_tickets (expires_at);
                """,
                "DROP TABLE authsome_mfa_tickets; DROP TABLE authsome_mfa_recovery_codes; DROP TABLE authsome_mfa_totp;"),
            SqlMigrationScript.Sqlite(
                """
                CREATE TABLE authsome_mfa_totp (
                    id               TEXT PRIMARY KEY,
                    app_id           TEXT NOT NULL,
                    user_id          TEXT NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
                    protected_secret TEXT NOT NULL,
                    confirmed_at     INTEGER,
                    last_used_step   INTEGER,
                    created_at       INTEGER NOT NULL,
                    updated_at       INTEGER NOT NULL
                ) STRICT;
                CREATE UNIQUE INDEX ux_authsome_mfa_totp_user ON authsome_mfa_totp (user_id);

                CREATE TABLE authsome_mfa_recovery_codes (
                    id         TEXT PRIMARY KEY,
                    user_id    TEXT NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
                    code_hash  TEXT NOT NULL,
                    used_at    INTEGER,
                    created_at INTEGER NOT NULL
                ) STRICT;
                CREATE UNIQUE INDEX ux_authsome_mfa_recovery_codes_hash ON authsome_mfa_recovery_codes (user_id, code_hash);

                CREATE TABLE authsome_mfa_tickets (
                    id         TEXT PRIMARY KEY,
                    app_id     TEXT NOT NULL,
                    user_id    TEXT NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
                    token_hash TEXT NOT NULL,
                    purpose    TEXT NOT NULL,
                    method     TEXT NOT NULL,
                    attempts   INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    created_at INTEGER NOT NULL
                ) STRICT;
                CREATE UNIQUE INDEX ux_authsome_mfa_tickets_token_hash ON authsome_mfa_tickets (token_hash);
                CREATE INDEX ix_authsome_mfa_tickets_expiry ON authsome_mfa_tickets (expires_at);
                """,
                "DROP TABLE authsome_mfa_tickets; DROP TABLE authsome_mfa_recovery_codes; DROP TABLE authsome_mfa_totp;"),
            new MongoMigrationScript(
                MongoMigrationStep.CreateCollection(TotpTable),
                MongoMigrationStep.CreateIndex(TotpTable, new MongoIndex("mfa_totp_user_unique", "user_id") { Unique = true }),
                MongoMigrationStep.CreateCollection(RecoveryCodesTable),
                MongoMigrationStep.CreateIndex(RecoveryCodesTable, new MongoIndex("mfa_recovery_codes_hash_unique", "user_id", "code_hash") { Unique = true }),
                MongoMigrationStep.CreateCollection(TicketsTable),
                MongoMigrationStep.CreateIndex(TicketsTable, new MongoIndex("mfa_tickets_token_hash_unique", "token_hash") { Unique = true }),
                MongoMigrationStep.CreateIndex(TicketsTable, new MongoIndex("mfa_tickets_expiry_ttl", "expires_at") { ExpireAfter = TimeSpan.Zero }))),
    ]);
}
