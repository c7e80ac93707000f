CREATE TABLE authsome_webhooks (
    id         TEXT COLLATE "C" PRIMARY KEY,
    app_id     TEXT COLLATE "C" NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    env_id     TEXT COLLATE "C",
    url        TEXT NOT NULL,
    events     JSONB NOT NULL DEFAULT '[]',
    secret     TEXT NOT NULL,
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX ix_authsome_webhooks_app ON authsome_webhooks (app_id, id);

CREATE TABLE authsome_notifications (
    id         TEXT COLLATE "C" PRIMARY KEY,
    app_id     TEXT COLLATE "C" NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    user_id    TEXT COLLATE "C",
    type       TEXT NOT NULL,
    channel    TEXT NOT NULL,
    recipient  TEXT,
    subject    TEXT,
    body       TEXT NOT NULL,
    sent       BOOLEAN NOT NULL DEFAULT FALSE,
    sent_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX ix_authsome_notifications_user ON authsome_notifications (user_id, id) WHERE user_id IS NOT NULL;
CREATE INDEX ix_authsome_notifications_app ON authsome_notifications (app_id);

CREATE TABLE authsome_form_configs (
    id         TEXT COLLATE "C" PRIMARY KEY,
    app_id     TEXT COLLATE "C" NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    form_type  TEXT NOT NULL,
    fields     JSONB NOT NULL DEFAULT '[]',
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX ux_authsome_form_configs_type ON authsome_form_configs (app_id, form_type);

-- Per-app overrides of the engine's settings: NULL means "use the engine's value". Durations in milliseconds.
CREATE TABLE authsome_app_session_configs (
    id                   TEXT COLLATE "C" PRIMARY KEY,
    app_id               TEXT COLLATE "C" NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    token_ttl_ms         BIGINT,
    refresh_token_ttl_ms BIGINT,
    max_active_sessions  INTEGER,
    rotate_refresh_token BOOLEAN,
    bind_to_ip           BOOLEAN,
    bind_to_device       BOOLEAN,
    token_format         TEXT,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX ux_authsome_app_session_configs_app ON authsome_app_session_configs (app_id);

CREATE TABLE authsome_app_client_configs (
    id                         TEXT COLLATE "C" PRIMARY KEY,
    app_id                     TEXT COLLATE "C" NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    sign_up_enabled            BOOLEAN,
    password_enabled           BOOLEAN,
    passkey_enabled            BOOLEAN,
    magic_link_enabled         BOOLEAN,
    mfa_enabled                BOOLEAN,
    mfa_required               BOOLEAN,
    sso_enabled                BOOLEAN,
    social_providers           JSONB NOT NULL DEFAULT '[]',
    require_email_verification BOOLEAN,
    created_at                 TIMESTAMPTZ NOT NULL,
    updated_at                 TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX ux_authsome_app_client_configs_app ON authsome_app_client_configs (app_id);

-- Settings are scoped by (scope, scope_id) rather than a foreign key, since the scope id names an app, an
-- organization or a user; the app and organization deletes remove them explicitly. The value is JSON text,
-- kept verbatim.
CREATE TABLE authsome_settings (
    id         TEXT COLLATE "C" PRIMARY KEY,
    key        TEXT COLLATE "C" NOT NULL,
    scope      TEXT NOT NULL,
    scope_id   TEXT COLLATE "C" NOT NULL,
    value      TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- One index serves both the lookup of a key in a scope and the listing of a scope's keys in key order.
CREATE UNIQUE INDEX ux_authsome_settings_key ON authsome_settings (scope, scope_id, key);
