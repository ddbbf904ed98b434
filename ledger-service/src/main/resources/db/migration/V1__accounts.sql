-- The ledger's schema. Extensions are created by deploy/local/infra as superuser (the ledger role cannot):
-- pg_trgm serves the search index below. unaccent is not needed: the search text is folded at ingest (see
-- SearchText.java), which the benchmark showed to be faster for both ingest and search than an unaccent() index.

-- Companies and their plan, a read model of banking.companies (the gateway owns them).
CREATE TABLE companies (
    id                        uuid PRIMARY KEY,
    name                      text,
    plan                      text        NOT NULL,
    monthly_transaction_limit bigint,                 -- null: unlimited
    changed_at                timestamptz NOT NULL    -- newer wins: an older event never overwrites a newer one
);

-- The company's bank accounts, a read model of banking.accounts.
CREATE TABLE accounts (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id        uuid          NOT NULL,
    pluggy_account_id text          NOT NULL UNIQUE,
    pluggy_item_id    text          NOT NULL,
    connector_name    text,
    type              text          NOT NULL,
    subtype           text,
    name              text,
    marketing_name    text,
    number            text,
    owner             text,
    balance           numeric(15,2) NOT NULL DEFAULT 0,
    currency_code     text          NOT NULL DEFAULT 'BRL',
    balance_date      timestamptz,
    bank_data         jsonb,                          -- snake_case, as the API shows it
    credit_data       jsonb,
    is_active         boolean       NOT NULL DEFAULT true,
    observed_at       timestamptz   NOT NULL,         -- newer snapshot wins
    removed_at        timestamptz,                    -- item removed: the account is final, late events are dropped
    removal_mode      text,                           -- DELETE (hidden, transactions erased) or ARCHIVE (read-only)
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX accounts_company_idx ON accounts (company_id);
CREATE INDEX accounts_item_idx ON accounts (pluggy_item_id);

-- Items removed, so a snapshot replayed after the removal does not bring the accounts back.
CREATE TABLE removed_items (
    pluggy_item_id text PRIMARY KEY,
    mode           text        NOT NULL,
    removed_at     timestamptz NOT NULL
);

-- Transactions. No foreign key to accounts: the ingest resolves the account itself and item removal deletes
-- explicitly, and a per-row FK trigger would tax every ingested row.
CREATE TABLE transactions (
    id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id                  uuid          NOT NULL,
    account_id                  uuid          NOT NULL,
    pluggy_transaction_id       text          NOT NULL UNIQUE,
    type                        text          NOT NULL,   -- DEBIT | CREDIT
    status                      text          NOT NULL,   -- PENDING | POSTED
    description                 text          NOT NULL,
    description_raw             text,
    amount                      numeric(15,2) NOT NULL,   -- signed as Pluggy reports it
    amount_in_account_currency  numeric(15,2),
    balance                     numeric(15,2),
    currency_code               text          NOT NULL,
    date                        timestamptz   NOT NULL,
    pluggy_category_id          text,
    pluggy_category_description text,
    -- Set by the user (PATCH, bulk categorize) and, later, by rules; a sync never overwrites a user's choice.
    category_id                 uuid,
    category_set_by_user        boolean       NOT NULL DEFAULT false,
    notes                       text,                     -- the user's only; a sync never touches it
    merchant_name               text,
    merchant                    jsonb,                    -- snake_case, as the API shows it
    payment_data                jsonb,
    credit_card_metadata        jsonb,
    provider_code               text,
    provider_id                 text,
    operation_type              text,
    -- description and merchant folded (lower case, no accents) at ingest; trigram-indexed for search.
    search_text                 text          NOT NULL,
    pluggy_created_at           timestamptz,
    pluggy_updated_at           timestamptz,              -- newer wins: an older version never overwrites a newer one
    created_at                  timestamptz   NOT NULL DEFAULT now(),
    updated_at                  timestamptz   NOT NULL DEFAULT now()
);
-- Keyset pagination: (sort key, id) in each index, read forwards or backwards for either direction.
CREATE INDEX transactions_company_date_idx ON transactions (company_id, date, id);
CREATE INDEX transactions_company_amount_idx ON transactions (company_id, amount, id);
CREATE INDEX transactions_account_date_idx ON transactions (account_id, date, id);
CREATE INDEX transactions_category_date_idx ON transactions (company_id, category_id, date, id)
    WHERE category_id IS NOT NULL;
CREATE INDEX transactions_search_idx ON transactions USING gin (search_text gin_trgm_ops);

-- Deleted Pluggy ids: a delete that arrives before its create (or a replayed create) never resurrects the row.
CREATE TABLE transaction_tombstones (
    pluggy_transaction_id text PRIMARY KEY,
    deleted_at            timestamptz NOT NULL DEFAULT now()
);

-- Plan limits: one row per company and month, moved by one conditional UPDATE per batch.
CREATE TABLE transaction_usage (
    company_id   uuid    NOT NULL,
    month        date    NOT NULL,   -- first day of the month, in the ledger's time zone
    used         bigint  NOT NULL DEFAULT 0,
    last_granted integer NOT NULL DEFAULT 0,  -- what the last batch was granted, read back by that batch's UPDATE
    PRIMARY KEY (company_id, month)
);

-- New transactions held back by the plan limit. They are not stored, only remembered, so the API can say how many
-- and from when a re-sync must start; a later batch carrying one of them stores it once the plan allows.
CREATE TABLE held_back_transactions (
    pluggy_transaction_id text PRIMARY KEY,
    company_id            uuid        NOT NULL,
    account_id            uuid        NOT NULL,
    date                  timestamptz NOT NULL,
    held_at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX held_back_company_idx ON held_back_transactions (company_id, account_id);

-- Batches whose account the ledger does not know yet; applied, in arrival order, when the account arrives.
CREATE TABLE pending_batches (
    seq               bigserial PRIMARY KEY,
    event_id          uuid        NOT NULL UNIQUE,
    pluggy_account_id text        NOT NULL,
    company_id        uuid,
    batch             jsonb       NOT NULL,
    received_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pending_batches_account_idx ON pending_batches (pluggy_account_id, seq);
