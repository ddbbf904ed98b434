-- The ledger's read model of the company's bank accounts, fed by banking.accounts.
CREATE TABLE accounts (
    id                uuid PRIMARY KEY,
    company_id        uuid          NOT NULL,
    pluggy_account_id text          NOT NULL UNIQUE,
    pluggy_item_id    text          NOT NULL,
    type              text          NOT NULL,
    subtype           text,
    name              text,
    marketing_name    text,
    number            text,
    balance           numeric(15,2) NOT NULL DEFAULT 0,
    currency_code     char(3)       NOT NULL DEFAULT 'BRL',
    balance_date      timestamptz,
    bank_data         jsonb,
    credit_data       jsonb,
    is_active         boolean       NOT NULL DEFAULT true,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX accounts_company_idx ON accounts (company_id, is_active);

-- Consumers are idempotent: an event id seen once is never applied twice.
CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);
