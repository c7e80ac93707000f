-- Roles held by service accounts, app-wide: what a service account's API keys may do, narrowed by each key's scopes.
CREATE TABLE authsome_service_account_roles (
    service_account_id TEXT NOT NULL REFERENCES authsome_service_accounts (id) ON DELETE CASCADE,
    role_id            TEXT NOT NULL REFERENCES authsome_roles (id) ON DELETE CASCADE,
    created_at         INTEGER NOT NULL,
    PRIMARY KEY (service_account_id, role_id)
);

CREATE INDEX ix_authsome_service_account_roles_role ON authsome_service_account_roles (role_id);
