-- One row per sync of an item: what triggered it, how far it got, how it ended.
CREATE TABLE sync_runs (
    id                 uuid PRIMARY KEY,
    company_id         uuid        NOT NULL,
    pluggy_item_id     text        NOT NULL,
    trigger            text        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'NEEDS_USER_ACTION')),
    pages              integer     NOT NULL DEFAULT 0,
    transactions_seen  integer     NOT NULL DEFAULT 0,
    started_at         timestamptz,
    finished_at        timestamptz,
    error              text,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_runs_company_item_idx ON sync_runs (company_id, pluggy_item_id, created_at DESC);

-- Per account: the createdAt high-water mark the next incremental sync starts from.
CREATE TABLE account_cursors (
    pluggy_account_id  text PRIMARY KEY,
    pluggy_item_id     text        NOT NULL,
    created_at_mark    timestamptz,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);
