-- Fixed-window counters that protect accounts (failed sign-ins per account and client, per-account limits,
-- verification attempts), kept here so they hold across processes. Purged once their window ended.
CREATE TABLE authsome_counters (
    key            TEXT PRIMARY KEY,
    hits           INTEGER NOT NULL,
    window_ends_at INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_authsome_counters_window ON authsome_counters (window_ends_at);

-- Per-app overrides of a session's absolute lifetime and idle timeout (milliseconds; NULL: the engine's value).
ALTER TABLE authsome_app_session_configs ADD COLUMN absolute_lifetime_ms INTEGER;
ALTER TABLE authsome_app_session_configs ADD COLUMN idle_timeout_ms INTEGER;
