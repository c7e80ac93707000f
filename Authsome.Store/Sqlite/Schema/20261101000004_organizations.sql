-- An organization's members, invitations, teams and branding go with it (ON DELETE CASCADE).
CREATE TABLE authsome_organizations (
    id         TEXT PRIMARY KEY,
    app_id     TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    slug       TEXT NOT NULL,
    logo       TEXT,
    metadata   TEXT NOT NULL DEFAULT '{}',
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_organizations_slug ON authsome_organizations (app_id, slug);
CREATE INDEX ix_authsome_organizations_app ON authsome_organizations (app_id, id);

CREATE TABLE authsome_members (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES authsome_organizations (id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_members_user ON authsome_members (org_id, user_id);
CREATE INDEX ix_authsome_members_user ON authsome_members (user_id);

CREATE TABLE authsome_invitations (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES authsome_organizations (id) ON DELETE CASCADE,
    email      TEXT NOT NULL,
    role       TEXT NOT NULL,
    inviter_id TEXT NOT NULL,
    status     TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_invitations_token_hash ON authsome_invitations (token_hash);
CREATE INDEX ix_authsome_invitations_org ON authsome_invitations (org_id, id);
CREATE INDEX ix_authsome_invitations_pending_expiry ON authsome_invitations (expires_at) WHERE status = 'pending';

CREATE TABLE authsome_teams (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES authsome_organizations (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    slug       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_teams_slug ON authsome_teams (org_id, slug);

CREATE TABLE authsome_branding_configs (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES authsome_organizations (id) ON DELETE CASCADE,
    logo_url     TEXT,
    colors       TEXT NOT NULL DEFAULT '{}',
    font_family  TEXT,
    custom_css   TEXT,
    company_name TEXT,
    tagline      TEXT,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_branding_configs_org ON authsome_branding_configs (org_id);
