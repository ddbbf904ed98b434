-- Delivery state of each webhook event and the outbox the relay publishes from.

ALTER TABLE webhook_events
    ADD COLUMN client_user_id text,
    ADD COLUMN status text NOT NULL DEFAULT 'PENDING'
        CONSTRAINT webhook_events_status_check CHECK (status IN ('PENDING', 'PUBLISHED', 'IGNORED'));
ALTER TABLE webhook_events ALTER COLUMN status DROP DEFAULT;
ALTER TABLE webhook_events ALTER COLUMN received_at DROP DEFAULT;

-- Audit listings: newest first, keyset-paginated on (received_at, id), per company, per item or across companies.
DROP INDEX webhook_events_company_idx;
CREATE INDEX webhook_events_company_idx ON webhook_events (company_id, received_at DESC, id DESC);
CREATE INDEX webhook_events_item_idx ON webhook_events (item_id, received_at DESC, id DESC);
CREATE INDEX webhook_events_received_idx ON webhook_events (received_at DESC, id DESC);

-- One row per publication: written with its event in one statement, claimed by relays with
-- FOR UPDATE SKIP LOCKED, marked published on Kafka's ack, deleted after the retention period.
CREATE TABLE webhook_outbox (
    id                uuid PRIMARY KEY,          -- the Kafka envelope's id
    webhook_event_id  uuid        NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
    created_at        timestamptz NOT NULL,
    next_attempt_at   timestamptz NOT NULL,
    published_at      timestamptz,
    attempts          integer     NOT NULL DEFAULT 0,
    last_error        text
);
CREATE INDEX webhook_outbox_due_idx ON webhook_outbox (created_at) WHERE published_at IS NULL;
CREATE INDEX webhook_outbox_published_idx ON webhook_outbox (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX webhook_outbox_event_idx ON webhook_outbox (webhook_event_id);
