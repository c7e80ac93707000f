using Authsome.Store.Migrations;
using Authsome.Store.Mongo;

namespace Authsome.Plugins.Passkeys;

/// <summary>
/// The <c>authsome-passkey</c> migration group: registered credentials and pending challenges. It depends on the core
/// group: a credential belongs to a user and goes with them. Binary values (credential ids, keys) are base64url text.
/// </summary>
internal static class PasskeyMigrations
{
    /// <summary>The group's name.</summary>
    public const string GroupName = "authsome-passkey";

    public const string PasskeysTable = "authsome_passkeys";
    public const string ChallengesTable = "authsome_passkey_challenges";

    public static readonly MigrationGroup Group = new(GroupName, [MigrationGroup.CoreName],
    [
        new Migration(20261130000101, "passkeys_and_challenges",
            SqlMigrationScript.Postgres(
                """
                CREATE TABLE authsome_passkeys (
                    id              TEXT COLLATE "C" PRIMARY KEY,
                    app_id          TEXT COLLATE "C" NOT NULL,
                    user_id         TEXT COLLATE "C" NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
                    credential_id   TEXT COLLATE "C" NOT NULL,
                    public_key      TEXT NOT NULL,
                    user_handle     TEXT NOT NULL,
                    sign_count      BIGINT NOT NULL,
                    name            TEXT NOT NULL,
                    transports      TEXT NOT NULL,
                    aaguid          TEXT NOT NULL,
                    backup_eligible BOOLEAN NOT NULL,
                    backed_up       BOOLEAN NOT NULL,
                    last_used_at    TIMESTAMPTZ,
                    created_at      TIMESTAMPTZ NOT NULL,
                    updated_at      TIMESTAMPTZ NOT NULL
                );
                CREATE UNIQUE INDEX ux_authsome_passkeys_credential_id ON authsome_passkeys (credential_id);
                CREATE INDEX ix_authsome_passkeys_user ON authsome_passkeys (user_id, id);

                CREATE TABLE authsome_passkey_challenges (
                    id             TEXT COLLATE "C" PRIMARY KEY,
                    app_id         TEXT COLLATE "C" NOT NULL,
                    user_id        TEXT COLLATE "C",
                    ceremony       TEXT NOT NULL,
                    challenge_hash TEXT COLLATE "C" NOT NULL,
                    options_json   TEXT NOT NULL,
                    expires_at     TIMESTAMPTZ NOT NULL,
                    created_at     TIMESTAMPTZ NOT NULL
                );
                CREATE UNIQUE INDEX ux_authsome_passkey_challenges_hash ON authsome_passkey_challenges (challenge_hash);
                CREATE INDEX ix_authsome_passkey_challenges_expiry ON authsome_passkey_challenges (expires_at);
                """,
                "DROP TABLE authsome_passkey_challenges; DROP TABLE authsome_passkeys;"),
            SqlMigrationScript.Sqlite(
                """
                CREATE TABLE authsome_passkeys (
                    id              TEXT PRIMARY KEY,
                    app_id          TEXT NOT NULL,
                    user_id         TEXT NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
                    credential_id   TEXT NOT NULL,
                    public_key      TEXT NOT NULL,
                    user_handle     TEXT NOT NULL,
                    sign_count      INTEGER NOT NULL,
                    name            TEXT NOT NULL,
                    transports      TEXT NOT NULL,
                    aaguid          TEXT NOT NULL,
                    backup_eligible INTEGER NOT NULL,
                    backed_up       INTEGER NOT NULL,
                    last_used_at    INTEGER,
                    created_at      INTEGER NOT NULL,
                    updated_at      INTEGER NOT NULL
                ) STRICT;
                CREATE UNIQUE INDEX ux_authsome_passkeys_credential_id ON authsome_passkeys (credential_id);
                CREATE INDEX ix_authsome_passkeys_user ON authsome_passkeys (user_id, id);

                CREATE TABLE authsome_passkey_challenges (
                    id             TEXT PRIMARY KEY,
                    app_id         TEXT NOT NULL,
                    user_id        TEXT,
                    ceremony       TEXT NOT NULL,
                    challenge_hash TEXT NOT NULL,
                    options_json   TEXT NOT NULL,
                    expires_at     INTEGER NOT NULL,
                    created_at     INTEGER NOT NULL
                ) STRICT;
                CREATE UNIQUE INDEX ux_authsome_passkey_challenges_hash ON authsome_passkey_challenges (challenge_hash);
                CREATE INDEX ix_authsome_passkey_challenges_expiry ON authsome_passkey_challenges (expires_at);
                """,
                "DROP TABLE authsome_passkey_challenges; DROP TABLE authsome_passkeys;"),
            new MongoMigrationScript(
                MongoMigrationStep.CreateCollection(PasskeysTable),
                MongoMigrationStep.CreateIndex(PasskeysTable, new MongoIndex("passkeys_credential_id_unique", "credential_id") { Unique = true }),
                MongoMigrationStep.CreateIndex(PasskeysTable, new MongoIndex("passkeys_user", "user_id", "_id")),
                MongoMigrationStep.CreateCollection(ChallengesTable),
                MongoMigrationStep.CreateIndex(ChallengesTable, new MongoIndex("passkey_challenges_hash_unique", "challenge_hash") { Unique = true }),
                MongoMigrationStep.CreateIndex(ChallengesTable, new MongoIndex("passkey_challenges_expiry_ttl", "expires_at") { ExpireAfter = TimeSpan.Zero }))),
    ]);
}
