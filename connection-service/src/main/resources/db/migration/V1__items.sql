-- connection-service: Pluggy's connector catalogue, a company's items (connections) with their state, the
-- account→item index, and the messaging tables (outbox, processed and parked events, schedule claims).

CREATE TABLE connectors (
    pluggy_id        integer PRIMARY KEY,
    name             text        NOT NULL,
    institution_url  text,
    image_url        text,
    primary_color    text,
    type             text,
    country          text,
    has_mfa          boolean     NOT NULL DEFAULT false,
    has_oauth        boolean     NOT NULL DEFAULT false,
    is_open_finance  boolean     NOT NULL DEFAULT false,
    is_sandbox       boolean     NOT NULL DEFAULT false,
    products         text        NOT NULL DEFAULT '[]',
    credentials      text        NOT NULL DEFAULT '[]',
    health_status    text,
    health_stage     text,
    synced_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX connectors_name_idx ON connectors (lower(name));

CREATE TABLE items (
    id                    uuid PRIMARY KEY,
    company_id            uuid        NOT NULL,
    pluggy_item_id        text        NOT NULL UNIQUE,
    connector_id          integer     REFERENCES connectors (pluggy_id),
    status                text        NOT NULL,
    execution_status      text,
    error_code            text,
    error_message         text,
    status_detail         text,
    -- The MFA prompt, AES-256-GCM with the key id inside (see MfaCipher); never plaintext.
    encrypted_parameter   bytea,
    parameter_expires_at  timestamptz,
    last_updated_at       timestamptz,
    next_auto_sync_at     timestamptz,
    consent_expires_at    timestamptz,
    -- Time of the newest state applied: an older event never overwrites a newer state.
    state_at              timestamptz NOT NULL,
    deleted_at            timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX items_company_idx ON items (company_id) WHERE deleted_at IS NULL;

CREATE TABLE accounts (
    pluggy_account_id  text PRIMARY KEY,
    item_id            uuid        NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    company_id         uuid        NOT NULL,
    type               text,
    subtype            text,
    name               text,
    number             text,
    balance            numeric(15, 2),
    currency_code      text,
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX accounts_item_idx ON accounts (item_id);

-- Events to publish, written in the transaction that decided them; a relay sends them in seq order.
CREATE TABLE outbox (
    id            uuid PRIMARY KEY,
    seq           bigserial   NOT NULL UNIQUE,
    topic         text        NOT NULL,
    message_key   text        NOT NULL,
    envelope      text        NOT NULL,
    coalesce_key  text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_coalesce_idx ON outbox (coalesce_key, created_at) WHERE coalesce_key IS NOT NULL;

-- Envelope ids already applied: Kafka delivers at least once.
CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- Events about an item not known yet (the webhook beat the callback): applied when the item arrives.
CREATE TABLE parked_events (
    event_id        uuid PRIMARY KEY,
    pluggy_item_id  text        NOT NULL,
    event_type      text        NOT NULL,
    event_at        timestamptz NOT NULL,
    envelope        text        NOT NULL,
    parked_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX parked_events_item_idx ON parked_events (pluggy_item_id, event_at);

-- One row per run of a periodic job: the replica whose insert wins runs it.
CREATE TABLE schedule_claims (
    job         text        NOT NULL,
    fire_time   timestamptz NOT NULL,
    claimed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job, fire_time)
);
