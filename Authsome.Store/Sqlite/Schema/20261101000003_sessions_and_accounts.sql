-- Tokens are never stored: only their SHA-256 as 64 hex characters. Every token lookup is a unique index probe.
CREATE TABLE authsome_sessions (
    id                       TEXT PRIMARY KEY,
    app_id                   TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    env_id                   TEXT NOT NULL,
    user_id                  TEXT NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
    org_id                   TEXT,
    family_id                TEXT NOT NULL,
    token_hash               TEXT NOT NULL,
    refresh_token_hash       TEXT NOT NULL,
    ip_address               TEXT,
    user_agent               TEXT,
    device_id                TEXT,
    impersonated_by          TEXT,
    last_activity_at         INTEGER NOT NULL,
    expires_at               INTEGER NOT NULL,
    refresh_token_expires_at INTEGER NOT NULL,
    created_at               INTEGER NOT NULL,
    updated_at               INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_sessions_token_hash ON authsome_sessions (token_hash);
CREATE UNIQUE INDEX ux_authsome_sessions_refresh_token_hash ON authsome_sessions (refresh_token_hash);
CREATE INDEX ix_authsome_sessions_user ON authsome_sessions (user_id, id);
CREATE INDEX ix_authsome_sessions_app ON authsome_sessions (app_id, id);
CREATE INDEX ix_authsome_sessions_family ON authsome_sessions (family_id);
CREATE INDEX ix_authsome_sessions_refresh_expiry ON authsome_sessions (refresh_token_expires_at);

-- Refresh tokens rotated out of a session; presenting one again revokes the family.
CREATE TABLE authsome_revoked_refresh_tokens (
    token_hash  TEXT PRIMARY KEY,
    family_id   TEXT NOT NULL,
    user_id     TEXT NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
    reason      TEXT NOT NULL,
    revoked_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    replayed_at INTEGER
) STRICT;

CREATE INDEX ix_authsome_revoked_refresh_tokens_user ON authsome_revoked_refresh_tokens (user_id);
CREATE INDEX ix_authsome_revoked_refresh_tokens_expiry ON authsome_revoked_refresh_tokens (expires_at);

CREATE TABLE authsome_verifications (
    id          TEXT PRIMARY KEY,
    app_id      TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    target      TEXT,
    token_hash  TEXT NOT NULL,
    code_hash   TEXT,
    attempts    INTEGER NOT NULL DEFAULT 0,
    expires_at  INTEGER NOT NULL,
    consumed_at INTEGER,
    created_at  INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_verifications_token_hash ON authsome_verifications (token_hash);
CREATE INDEX ix_authsome_verifications_user ON authsome_verifications (user_id, type, created_at);
CREATE INDEX ix_authsome_verifications_app ON authsome_verifications (app_id);
CREATE INDEX ix_authsome_verifications_expiry ON authsome_verifications (expires_at);

CREATE TABLE authsome_password_resets (
    id          TEXT PRIMARY KEY,
    app_id      TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL,
    expires_at  INTEGER NOT NULL,
    consumed_at INTEGER,
    created_at  INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_password_resets_token_hash ON authsome_password_resets (token_hash);
CREATE INDEX ix_authsome_password_resets_user ON authsome_password_resets (user_id);
CREATE INDEX ix_authsome_password_resets_app ON authsome_password_resets (app_id);
CREATE INDEX ix_authsome_password_resets_expiry ON authsome_password_resets (expires_at);

CREATE TABLE authsome_devices (
    id           TEXT PRIMARY KEY,
    app_id       TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
    name         TEXT,
    type         TEXT,
    browser      TEXT,
    os           TEXT,
    ip_address   TEXT,
    fingerprint  TEXT NOT NULL,
    trusted      INTEGER NOT NULL DEFAULT 0,
    last_seen_at INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_devices_fingerprint ON authsome_devices (user_id, fingerprint);
CREATE INDEX ix_authsome_devices_app ON authsome_devices (app_id, id);
