-- Apps own everything else: every other table reaches authsome_apps through ON DELETE CASCADE foreign keys.
-- Ids are TypeID strings compared with the default BINARY collation, so their string order is the id (creation)
-- order that keyset paging uses. Timestamps are INTEGER unix milliseconds (UTC): exact, and ordered as numbers.
-- Booleans are 0/1. Maps and lists are JSON text. Tables are STRICT, so a value of the wrong type is refused.
CREATE TABLE authsome_apps (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    slug            TEXT NOT NULL,
    logo            TEXT,
    publishable_key TEXT NOT NULL,
    is_platform     INTEGER NOT NULL DEFAULT 0,
    metadata        TEXT NOT NULL DEFAULT '{}',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_apps_slug ON authsome_apps (slug);
CREATE UNIQUE INDEX ux_authsome_apps_publishable_key ON authsome_apps (publishable_key);
-- At most one platform app.
CREATE UNIQUE INDEX ux_authsome_apps_platform ON authsome_apps (is_platform) WHERE is_platform;

CREATE TABLE authsome_environments (
    id         TEXT PRIMARY KEY,
    app_id     TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    slug       TEXT NOT NULL,
    type       TEXT NOT NULL,
    is_default INTEGER NOT NULL DEFAULT 0,
    settings   TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_authsome_environments_slug ON authsome_environments (app_id, slug);
-- At most one default environment per app.
CREATE UNIQUE INDEX ux_authsome_environments_default ON authsome_environments (app_id) WHERE is_default;
