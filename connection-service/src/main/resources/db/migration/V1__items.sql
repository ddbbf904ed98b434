-- A company's connections to its banks through Pluggy.
CREATE TABLE items (
    id                   uuid PRIMARY KEY,
    company_id           uuid        NOT NULL,
    pluggy_item_id       text        NOT NULL UNIQUE,
    connector_id         integer,
    status               text,
    execution_status     text,
    error_code           text,
    error_message        text,
    encrypted_parameter  bytea,
    last_updated_at      timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX items_company_idx ON items (company_id);

CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);
