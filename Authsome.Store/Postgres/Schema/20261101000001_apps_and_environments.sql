-- Apps own everything else: every other table reaches authsome_apps through ON DELETE CASCADE foreign keys.
-- Ids are TypeID strings; COLLATE "C" makes their string order the id (creation) order that keyset paging uses.
CREATE TABLE authsome_apps (
    id              TEXT COLLATE "C" PRIMARY KEY,
    name            TEXT NOT NULL,
    slug            TEXT NOT NULL,
    logo            TEXT,
    publishable_key TEXT NOT NULL,
    is_platform     BOOLEAN NOT NULL DEFAULT FALSE,
    metadata        JSONB NOT NULL DEFAULT '{}',
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX ux_authsome_apps_slug ON authsome_apps (slug);
CREATE UNIQUE INDEX ux_authsome_apps_publishable_key ON authsome_apps (publishable_key);
-- At most one platform app.
CREATE UNIQUE INDEX ux_authsome_apps_platform ON authsome_apps (is_platform) WHERE is_platform;

CREATE TABLE authsome_environments (
    id         TEXT COLLATE "C" PRIMARY KEY,
    app_id     TEXT COLLATE "C" NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    slug       TEXT NOT NULL,
    type       TEXT NOT NULL,
    is_default BOOLEAN NOT NULL DEFAULT FALSE,
    settings   JSONB NOT NULL DEFAULT '{}',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX ux_authsome_environments_slug ON authsome_environments (app_id, slug);
-- At most one default environment per app.
CREATE UNIQUE INDEX ux_authsome_environments_default ON authsome_environments (app_id) WHERE is_default;
