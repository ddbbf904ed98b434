-- One row per sync request taken from banking.sync-requests. Its id is the request's envelope id, so a redelivered
-- request finds its run (and resumes it, or is recognised as done): the table doubles as the consumer's
-- processed-events log.
CREATE TABLE sync_runs (
    id                    uuid PRIMARY KEY,
    request_id            uuid,
    company_id            uuid        NOT NULL,
    pluggy_item_id        text        NOT NULL,
    pluggy_account_id     text,
    trigger               text        NOT NULL,
    forced                boolean     NOT NULL DEFAULT false,
    window_from           date,
    window_to             date,
    status                text        NOT NULL
        CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'NEEDS_USER_ACTION')),
    item_status           text,
    attempts              integer     NOT NULL DEFAULT 0,
    accounts              integer     NOT NULL DEFAULT 0,
    pages                 integer     NOT NULL DEFAULT 0,
    transactions_seen     bigint      NOT NULL DEFAULT 0,
    transactions_deleted  bigint      NOT NULL DEFAULT 0,
    -- A request that a later-started successful run already covered is not synced again: it points at that run.
    covered_by            uuid,
    requested_at          timestamptz NOT NULL,
    started_at            timestamptz,
    finished_at           timestamptz,
    error_code            text,
    error                 text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_runs_company_item_idx ON sync_runs (company_id, pluggy_item_id, created_at DESC);
CREATE INDEX sync_runs_company_idx ON sync_runs (company_id, created_at DESC);
-- The coalescing question: "did a successful run of this item start after this request was made?"
CREATE INDEX sync_runs_covering_idx ON sync_runs (pluggy_item_id, started_at DESC)
    WHERE status = 'SUCCEEDED' AND covered_by IS NULL;

-- Per account: where the next incremental sync starts, and the scan in progress (so a restarted sync resumes it).
CREATE TABLE account_cursors (
    pluggy_account_id    text PRIMARY KEY,
    pluggy_item_id       text        NOT NULL,
    -- Newest Pluggy createdAt of the last complete scan without an upper date bound; the next scan asks for
    -- createdAtFrom = this minus the overlap.
    created_at_mark      timestamptz,
    last_run_id          uuid,
    -- The scan in progress, or all null. scan_filter is the exact query it pages through; scan_after is the cursor
    -- of the next page ('page:N' on the page-numbered API), written only after Kafka acknowledged the batch before it.
    scan_id              uuid,
    scan_run_id          uuid,
    scan_filter          text,
    scan_phase           text CHECK (scan_phase IN ('FETCHING', 'DELETING')),
    scan_after           text,
    scan_max_created_at  timestamptz,
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_cursors_item_idx ON account_cursors (pluggy_item_id);

-- Every transaction id published for an account, with the scan that last saw it. A complete scan publishes deletions
-- for the ids in its scope that it did not see: that is how a window refetch, and an incremental sync's overlap,
-- catch transactions deleted at Pluggy.
CREATE TABLE known_transactions (
    pluggy_account_id  text        NOT NULL,
    id                 text        NOT NULL,
    tx_date            timestamptz,
    created_at         timestamptz,
    scan_id            uuid        NOT NULL,
    PRIMARY KEY (pluggy_account_id, id)
);
