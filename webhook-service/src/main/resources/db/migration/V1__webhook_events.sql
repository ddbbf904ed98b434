-- Every webhook Pluggy delivered, stored once by its eventId, as received.
CREATE TABLE webhook_events (
    id            uuid PRIMARY KEY,
    event_id      text        NOT NULL UNIQUE,
    event         text        NOT NULL,
    item_id       text,
    company_id    uuid,
    body          text        NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz,
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text
);
CREATE INDEX webhook_events_company_idx ON webhook_events (company_id, received_at DESC);
