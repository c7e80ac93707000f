-- Tokens are never stored: only their SHA-256 as 64 hex characters. Every token lookup is a unique index probe.
CREATE TABLE authsome_sessions (
    id                       TEXT COLLATE "C" PRIMARY KEY,
    app_id                   TEXT COLLATE "C" NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    env_id                   TEXT COLLATE "C" NOT NULL,
    user_id                  TEXT COLLATE "C" NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
    org_id                   TEXT COLLATE "C",
    family_id                TEXT COLLATE "C" NOT NULL,
    token_hash               TEXT COLLATE "C" NOT NULL,
    refresh_token_hash       TEXT COLLATE "C" NOT NULL,
    ip_address               TEXT,
    user_agent               TEXT,
    device_id                TEXT COLLATE "C",
    impersonated_by          TEXT COLLATE "C",
    last_activity_at         TIMESTAMPTZ NOT NULL,
    expires_at               TIMESTAMPTZ NOT NULL,
    refresh_token_expires_at TIMESTAMPTZ NOT NULL,
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX ux_authsome_sessions_token_hash ON authsome_sessions (token_hash);
CREATE UNIQUE INDEX ux_authsome_sessions_refresh_token_hash ON authsome_sessions (refresh_token_hash);
CREATE INDEX ix_authsome_sessions_user ON authsome_sessions (user_id, id);
CREATE INDEX ix_authsome_sessions_app ON authsome_sessions (app_id, id);
CREATE INDEX ix_authsome_sessions_family ON authsome_sessions (family_id);
CREATE INDEX ix_authsome_sessions_refresh_expiry ON authsome_sessions (refresh_token_expires_at);

-- Refresh tokens rotated out of a session; presenting one again revokes the family.
CREATE TABLE authsome_revoked_refresh_tokens (
    token_hash  TEXT COLLATE "C" PRIMARY KEY,
    family_id   TEXT COLLATE "C" NOT NULL,
    user_id     TEXT COLLATE "C" NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
    reason      TEXT NOT NULL,
    revoked_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    replayed_at TIMESTAMPTZ
);

CREATE INDEX ix_authsome_revoked_refresh_tokens_user ON authsome_revoked_refresh_tokens (user_id);
CREATE INDEX ix_authsome_revoked_refresh_tokens_expiry ON authsome_revoked_refresh_tokens (expires_at);

CREATE TABLE authsome_verifications (
    id          TEXT COLLATE "C" PRIMARY KEY,
    app_id      TEXT COLLATE "C" NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    user_id     TEXT COLLATE "C" NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    target      TEXT,
    token_hash  TEXT COLLATE "C" NOT NULL,
    code_hash   TEXT COLLATE "C",
    attempts    INTEGER NOT NULL DEFAULT 0,
    expires_at  TIMESTAMPTZ NOT NULL,
    consumed_at TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX ux_authsome_verifications_token_hash ON authsome_verifications (token_hash);
CREATE INDEX ix_authsome_verifications_user ON authsome_verifications (user_id, type, created_at);
CREATE INDEX ix_authsome_verifications_app ON authsome_verifications (app_id);
CREATE INDEX ix_authsome_verifications_expiry ON authsome_verifications (expires_at);

CREATE TABLE authsome_password_resets (
    id          TEXT COLLATE "C" PRIMARY KEY,
    app_id      TEXT COLLATE "C" NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    user_id     TEXT COLLATE "C" NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
    token_hash  TEXT COLLATE "C" NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    consumed_at TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX ux_authsome_password_resets_token_hash ON authsome_password_resets (token_hash);
CREATE INDEX ix_authsome_password_resets_user ON authsome_password_resets (user_id);
CREATE INDEX ix_authsome_password_resets_app ON authsome_password_resets (app_id);
CREATE INDEX ix_authsome_password_resets_expiry ON authsome_password_resets (expires_at);

CREATE TABLE authsome_devices (
    id           TEXT COLLATE "C" PRIMARY KEY,
    app_id       TEXT COLLATE "C" NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    user_id      TEXT COLLATE "C" NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
    name         TEXT,
    type         TEXT,
    browser      TEXT,
    os           TEXT,
    ip_address   TEXT,
    fingerprint  TEXT NOT NULL,
    trusted      BOOLEAN NOT NULL DEFAULT FALSE,
    last_seen_at TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX ux_authsome_devices_fingerprint ON authsome_devices (user_id, fingerprint);
CREATE INDEX ix_authsome_devices_app ON authsome_devices (app_id, id);
