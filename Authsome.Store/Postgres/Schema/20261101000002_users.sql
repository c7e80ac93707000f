-- Users are soft-deleted: a deleted user keeps its row with deleted_at set, and the partial unique indexes
-- below only cover live users, so a deleted user's email, username and phone become free again.
-- Emails and usernames are stored lower-case (the model lower-cases them), so plain equality is case-insensitive.
CREATE TABLE authsome_users (
    id                   TEXT COLLATE "C" PRIMARY KEY,
    app_id               TEXT COLLATE "C" NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    env_id               TEXT COLLATE "C" NOT NULL,
    email                TEXT NOT NULL,
    email_verified       BOOLEAN NOT NULL DEFAULT FALSE,
    name                 TEXT,
    first_name           TEXT,
    last_name            TEXT,
    image                TEXT,
    username             TEXT,
    display_username     TEXT,
    phone                TEXT,
    phone_verified       BOOLEAN NOT NULL DEFAULT FALSE,
    password_hash        TEXT,
    password_changed_at  TIMESTAMPTZ,
    banned               BOOLEAN NOT NULL DEFAULT FALSE,
    ban_reason           TEXT,
    ban_expires          TIMESTAMPTZ,
    failed_sign_in_count INTEGER NOT NULL DEFAULT 0,
    locked_until         TIMESTAMPTZ,
    metadata             JSONB NOT NULL DEFAULT '{}',
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    deleted_at           TIMESTAMPTZ
);

CREATE UNIQUE INDEX ux_authsome_users_email ON authsome_users (app_id, env_id, email) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX ux_authsome_users_username ON authsome_users (app_id, env_id, username) WHERE deleted_at IS NULL AND username IS NOT NULL;
CREATE UNIQUE INDEX ux_authsome_users_phone ON authsome_users (app_id, env_id, phone) WHERE deleted_at IS NULL AND phone IS NOT NULL;
-- Listing an app's live users in id order.
CREATE INDEX ix_authsome_users_app ON authsome_users (app_id, id) WHERE deleted_at IS NULL;
