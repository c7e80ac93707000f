CREATE TABLE authsome_webhooks (
    id         TEXT PRIMARY KEY,
    app_id     TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    env_id     TEXT,
    url        TEXT NOT NULL,
    events     TEXT NOT NULL DEFAULT '[]',
    secret     TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_authsome_webhooks_app ON authsome_webhooks (app_id, id);

CREATE TABLE authsome_notifications (
    id         TEXT PRIMARY KEY,
    app_id     TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    user_id    TEXT,
    type       TEXT NOT NULL,
    channel    TEXT NOT NULL,
    recipient  TEXT,
    subject    TEXT,
    body       TEXT NOT NULL,
    sent       INTEGER NOT NULL DEFAULT 0,
    sent_at    INTEGER,
    created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_authsome_notifications_user ON authsome_notifications (user_id, id) WHERE user_id IS NOT NULL;
CREATE INDEX ix_authsome_notifications_app ON authsome_notifications (app_id);

CREATE TABLE authsome_form_configs (
    id         TEXT PRIMARY KEY,
    app_id     TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    form_type  TEXT NOT NULL,
    fields     TEXT NOT NULL DEFAULT '[]',
    active     INTEGER NOT NULL DEFAULT 1,
    version    INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_form_configs_type ON authsome_form_configs (app_id, form_type);

-- Per-app overrides of the engine's settings: NULL means "use the engine's value". Durations in milliseconds.
CREATE TABLE authsome_app_session_configs (
    id                   TEXT PRIMARY KEY,
    app_id               TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    token_ttl_ms         INTEGER,
    refresh_token_ttl_ms INTEGER,
    max_active_sessions  INTEGER,
    rotate_refresh_token INTEGER,
    bind_to_ip           INTEGER,
    bind_to_device       INTEGER,
    token_format         TEXT,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_app_session_configs_app ON authsome_app_session_configs (app_id);

CREATE TABLE authsome_app_client_configs (
    id                         TEXT PRIMARY KEY,
    app_id                     TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    sign_up_enabled            INTEGER,
    password_enabled           INTEGER,
    passkey_enabled            INTEGER,
    magic_link_enabled         INTEGER,
    mfa_enabled                INTEGER,
    mfa_required               INTEGER,
    sso_enabled                INTEGER,
    social_providers           TEXT NOT NULL DEFAULT '[]',
    require_email_verification INTEGER,
    created_at                 INTEGER NOT NULL,
    updated_at                 INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_app_client_configs_app ON authsome_app_client_configs (app_id);

-- Settings are scoped by (scope, scope_id) rather than a foreign key, since the scope id names an app, an
-- organization or a user; the app and organization deletes remove them explicitly. The value is JSON text,
-- kept verbatim.
CREATE TABLE authsome_settings (
    id         TEXT PRIMARY KEY,
    key        TEXT NOT NULL,
    scope      TEXT NOT NULL,
    scope_id   TEXT NOT NULL,
    value      TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- One index serves both the lookup of a key in a scope and the listing of a scope's keys in key order.
CREATE UNIQUE INDEX ux_authsome_settings_key ON authsome_settings (scope, scope_id, key);
