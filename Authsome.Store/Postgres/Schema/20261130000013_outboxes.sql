-- Webhook deliveries: the outbox the dispatcher claims with a lease, one row per event and endpoint.
ALTER TABLE authsome_webhooks ADD COLUMN failing_since TIMESTAMPTZ;
ALTER TABLE authsome_webhooks ADD COLUMN created_by TEXT COLLATE "C";

CREATE TABLE authsome_webhook_deliveries (
    id              TEXT COLLATE "C" PRIMARY KEY,
    app_id          TEXT COLLATE "C" NOT NULL REFERENCES authsome_apps (id) ON DELETE CASCADE,
    webhook_id      TEXT COLLATE "C" NOT NULL REFERENCES authsome_webhooks (id) ON DELETE CASCADE,
    event_id        TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    payload         TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    lease_until     TIMESTAMPTZ,
    last_attempt_at TIMESTAMPTZ,
    response_status INTEGER,
    latency_ms      INTEGER,
    response_body   TEXT,
    error           TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX ix_authsome_webhook_deliveries_webhook ON authsome_webhook_deliveries (webhook_id, id);
CREATE INDEX ix_authsome_webhook_deliveries_app ON authsome_webhook_deliveries (app_id);
CREATE INDEX ix_authsome_webhook_deliveries_due ON authsome_webhook_deliveries (next_attempt_at) WHERE status = 'pending';

-- Notifications become the durable mail outbox: attempts, retry time, a lease, and giving up.
ALTER TABLE authsome_notifications ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE authsome_notifications ADD COLUMN next_attempt_at TIMESTAMPTZ;
ALTER TABLE authsome_notifications ADD COLUMN lease_until TIMESTAMPTZ;
ALTER TABLE authsome_notifications ADD COLUMN failed_at TIMESTAMPTZ;
ALTER TABLE authsome_notifications ADD COLUMN error TEXT;

CREATE INDEX ix_authsome_notifications_due ON authsome_notifications (id) WHERE sent = FALSE AND failed_at IS NULL;
CREATE INDEX ix_authsome_notifications_user_type ON authsome_notifications (user_id, type, created_at) WHERE user_id IS NOT NULL;
