-- Webhook deliveries: the outbox the dispatcher claims with a lease, one row per event and endpoint.
ALTER TABLE authsome_webhooks ADD COLUMN failing_since INTEGER;
ALTER TABLE authsome_webhooks ADD COLUMN created_by TEXT;

CREATE TABLE authsome_webhook_deliveries (
    id              TEXT PRIMARY KEY,
    app_id          TEXT NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    webhook_id      TEXT NOT NULL REFERENCES authsome_webhooks (id) ON DELETE CASCADE,
    event_id        TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    payload         TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,
    last_attempt_at INTEGER,
    response_status INTEGER,
    latency_ms      INTEGER,
    response_body   TEXT,
    error           TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_authsome_webhook_deliveries_webhook ON authsome_webhook_deliveries (webhook_id, id);
CREATE INDEX ix_authsome_webhook_deliveries_app ON authsome_webhook_deliveries (app_id);
CREATE INDEX ix_authsome_webhook_deliveries_due ON authsome_webhook_deliveries (next_attempt_at) WHERE status = 'pending';

-- Notifications become the durable mail outbox: attempts, retry time, a lease, and giving up.
ALTER TABLE authsome_notifications ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE authsome_notifications ADD COLUMN next_attempt_at INTEGER;
ALTER TABLE authsome_notifications ADD COLUMN lease_until INTEGER;
ALTER TABLE authsome_notifications ADD COLUMN failed_at INTEGER;
ALTER TABLE authsome_notifications ADD COLUMN error TEXT;

CREATE INDEX ix_authsome_notifications_due ON authsome_notifications (id) WHERE sent = 0 AND failed_at IS NULL;
CREATE INDEX ix_authsome_notifications_user_type ON authsome_notifications (user_id, type, created_at) WHERE user_id IS NOT NULL;
