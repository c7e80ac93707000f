-- Roles inherit their parent's permissions; deleting a parent leaves its children without one.
CREATE TABLE authsome_roles (
    id          TEXT PRIMARY KEY,
    app_id      TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    slug        TEXT NOT NULL,
    description TEXT,
    parent_id   TEXT REFERENCES authsome_roles (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_roles_slug ON authsome_roles (app_id, slug);
CREATE INDEX ix_authsome_roles_parent ON authsome_roles (parent_id);

CREATE TABLE authsome_permissions (
    id         TEXT PRIMARY KEY,
    role_id    TEXT NOT NULL REFERENCES authsome_roles (id) ON DELETE CASCADE,
    action     TEXT NOT NULL,
    resource   TEXT NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_permissions_grant ON authsome_permissions (role_id, action, resource);

-- An assignment within an organization goes with the organization: it must never widen to app-wide.
CREATE TABLE authsome_role_assignments (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
    role_id    TEXT NOT NULL REFERENCES authsome_roles (id) ON DELETE CASCADE,
    org_id     TEXT REFERENCES authsome_organizations (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
) STRICT;

-- App-wide assignments have no organization; COALESCE makes two of them collide like any other pair.
CREATE UNIQUE INDEX ux_authsome_role_assignments_grant ON authsome_role_assignments (user_id, role_id, COALESCE(org_id, ''));
CREATE INDEX ix_authsome_role_assignments_role ON authsome_role_assignments (role_id);
CREATE INDEX ix_authsome_role_assignments_org ON authsome_role_assignments (org_id);

CREATE TABLE authsome_service_accounts (
    id          TEXT PRIMARY KEY,
    app_id      TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    description TEXT,
    scopes      TEXT NOT NULL DEFAULT '[]',
    disabled    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_authsome_service_accounts_app ON authsome_service_accounts (app_id, id);

-- API keys are looked up by the hash of the secret on every API request.
CREATE TABLE authsome_api_keys (
    id                 TEXT PRIMARY KEY,
    app_id             TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    env_id             TEXT,
    user_id            TEXT,
    service_account_id TEXT,
    name               TEXT NOT NULL,
    key_prefix         TEXT NOT NULL,
    key_hash           TEXT NOT NULL,
    public_key         TEXT,
    scopes             TEXT NOT NULL DEFAULT '[]',
    expires_at         INTEGER,
    last_used_at       INTEGER,
    revoked            INTEGER NOT NULL DEFAULT 0,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_api_keys_prefix ON authsome_api_keys (app_id, key_prefix);
CREATE UNIQUE INDEX ux_authsome_api_keys_key_hash ON authsome_api_keys (key_hash);
CREATE UNIQUE INDEX ux_authsome_api_keys_public_key ON authsome_api_keys (public_key) WHERE public_key IS NOT NULL;
CREATE INDEX ix_authsome_api_keys_user ON authsome_api_keys (user_id, id) WHERE user_id IS NOT NULL;
