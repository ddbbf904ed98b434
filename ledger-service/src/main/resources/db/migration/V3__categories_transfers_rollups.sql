-- Categories and rules, one transaction per real-world payment, transfers, reconciliation and the dashboard's rollups.

-- What the database's own functions need to agree with the service: the zone of the ledger's calendar (months of the
-- rollups). The service writes its configured zone here at start (and rebuilds the rollups if it changed).
CREATE TABLE ledger_settings (
    id        boolean PRIMARY KEY DEFAULT true CHECK (id),
    time_zone text NOT NULL
);
INSERT INTO ledger_settings (time_zone) VALUES ('America/Sao_Paulo');

-- The account owner's CPF/CNPJ: a transfer between two of the company's accounts names it as the counterparty.
ALTER TABLE accounts ADD COLUMN tax_number text;

-- Categories: Pluggy's tree (company_id null, shared by every company, read-only) and each company's own.
CREATE TABLE categories (
    id                 uuid PRIMARY KEY,
    company_id         uuid,
    pluggy_category_id text UNIQUE,
    name               text        NOT NULL,
    pluggy_description text,
    type               text        NOT NULL CHECK (type IN ('income', 'expense', 'transfer')),
    parent_id          uuid REFERENCES categories (id),
    icon               text,
    color              text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK ((company_id IS NULL) = (pluggy_category_id IS NOT NULL))
);
CREATE INDEX categories_company_idx ON categories (company_id, name);
CREATE UNIQUE INDEX categories_company_name_idx
    ON categories (company_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), lower(name))
    WHERE company_id IS NOT NULL;

-- A Pluggy category's ledger id is derived from its Pluggy id, so any statement can name it without a lookup.
CREATE FUNCTION pluggy_category_uuid(pluggy_category_id text) RETURNS uuid
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN md5('pluggy-category:' || pluggy_category_id)::uuid;

-- Pluggy's tree as Pluggy publishes it (ids, descriptions, parents); the Portuguese name is what users read. Ids
-- Pluggy adds later are added by the ingest when a transaction first carries them. Same-person transfers,
-- investments and credit-card bill payments move money between the company's own pockets: type transfer.
INSERT INTO categories (id, pluggy_category_id, name, pluggy_description, parent_id, type)
SELECT pluggy_category_uuid(c.id), c.id, c.name, c.description, pluggy_category_uuid(c.parent), c.type
FROM (VALUES
    ('01000000', 'Renda', 'Income', NULL, 'income'),
    ('01010000', 'Salário', 'Salary', '01000000', 'income'),
    ('01020000', 'Aposentadoria', 'Retirement', '01000000', 'income'),
    ('01030000', 'Atividades empresariais', 'Entrepreneurial activities', '01000000', 'income'),
    ('01040000', 'Auxílio do governo', 'Government aid', '01000000', 'income'),
    ('01050000', 'Renda não-recorrente', 'Non-recurring income', '01000000', 'income'),
    ('02000000', 'Empréstimos e financiamento', 'Loans and financing', NULL, 'expense'),
    ('02010000', 'Juros e multas por atraso', 'Late payment and overdraft costs', '02000000', 'expense'),
    ('02020000', 'Juros cobrados', 'Interests charged', '02000000', 'expense'),
    ('02030000', 'Financiamento', 'Financing', '02000000', 'expense'),
    ('03000000', 'Investimentos', 'Investments', NULL, 'transfer'),
    ('03010000', 'Investimento automático', 'Automatic investment', '03000000', 'transfer'),
    ('03020000', 'Renda fixa', 'Fixed income', '03000000', 'transfer'),
    ('03030000', 'Fundos multimercado', 'Mutual funds', '03000000', 'transfer'),
    ('04000000', 'Transferência mesma titularidade', 'Same person transfer', NULL, 'transfer'),
    ('04010000', 'Transferência mesma titularidade - Dinheiro', 'Same person transfer - Cash', '04000000', 'transfer'),
    ('04020000', 'Transferência mesma titularidade - PIX', 'Same person transfer - PIX', '04000000', 'transfer'),
    ('04030000', 'Transferência mesma titularidade - TED', 'Same person transfer - TED', '04000000', 'transfer'),
    ('05000000', 'Transferências', 'Transfers', NULL, 'expense'),
    ('05010000', 'Transferência - Boleto bancário', 'Transfer - Bank slip', '05000000', 'expense'),
    ('05020000', 'Transferência - Dinheiro', 'Transfer - Cash', '05000000', 'expense'),
    ('05030000', 'Transferência - Cheque', 'Transfer - Check', '05000000', 'expense'),
    ('05040000', 'Transferência - DOC', 'Transfer - DOC', '05000000', 'expense'),
    ('05050000', 'Transferência - Câmbio', 'Transfer - Foreign exchange', '05000000', 'expense'),
    ('05060000', 'Transferência - Mesma instituição', 'Transfer - Internal', '05000000', 'expense'),
    ('05070000', 'Transferência - PIX', 'Transfer - PIX', '05000000', 'expense'),
    ('05080000', 'Transferência - TED', 'Transfer - TED', '05000000', 'expense'),
    ('05090000', 'Transferências para terceiros', 'Third party transfers', '05000000', 'expense'),
    ('05100000', 'Pagamento de cartão de crédito', 'Credit card payment', '05000000', 'transfer'),
    ('06000000', 'Obrigações legais', 'Legal obligations', NULL, 'expense'),
    ('06010000', 'Saldo bloqueado', 'Blocked balances', '06000000', 'expense'),
    ('06020000', 'Pensão alimentícia', 'Alimony', '06000000', 'expense'),
    ('07000000', 'Serviços', 'Services', NULL, 'expense'),
    ('07010000', 'Telecomunicações', 'Telecommunications', '07000000', 'expense'),
    ('07020000', 'Educação', 'Education', '07000000', 'expense'),
    ('07030000', 'Bem-estar e academia', 'Wellness and fitness', '07000000', 'expense'),
    ('08000000', 'Compras', 'Shopping', NULL, 'expense'),
    ('08010000', 'Compras online', 'Online shopping', '08000000', 'expense'),
    ('08020000', 'Eletrônicos', 'Electronics', '08000000', 'expense'),
    ('08030000', 'Pet shop e veterinário', 'Pet supplies and vet', '08000000', 'expense'),
    ('08040000', 'Vestuário', 'Clothing', '08000000', 'expense'),
    ('08060000', 'Livraria', 'Bookstore', '08000000', 'expense'),
    ('09000000', 'Serviços digitais', 'Digital services', NULL, 'expense'),
    ('09020000', 'Streaming de vídeo', 'Video streaming', '09000000', 'expense'),
    ('09030000', 'Streaming de música', 'Music streaming', '09000000', 'expense'),
    ('10000000', 'Supermercado', 'Groceries', NULL, 'expense'),
    ('11000000', 'Alimentação', 'Food and drinks', NULL, 'expense'),
    ('11010000', 'Restaurantes', 'Eating out', '11000000', 'expense'),
    ('11020000', 'Delivery de comida', 'Food delivery', '11000000', 'expense'),
    ('12000000', 'Viagens', 'Travel', NULL, 'expense'),
    ('12010000', 'Aeroportos e companhias aéreas', 'Airport and airlines', '12000000', 'expense'),
    ('12020000', 'Hospedagem', 'Accomodation', '12000000', 'expense'),
    ('13000000', 'Doações', 'Donations', NULL, 'expense'),
    ('15000000', 'Impostos', 'Taxes', NULL, 'expense'),
    ('15010000', 'Imposto de renda', 'Income taxes', '15000000', 'expense'),
    ('15020000', 'IOF', 'Tax on financial operations', '15000000', 'expense'),
    ('15030000', 'IPTU', 'Real estate taxes', '15000000', 'expense'),
    ('15040000', 'IPVA', 'Vehicle taxes', '15000000', 'expense'),
    ('16000000', 'Tarifas bancárias', 'Bank fees', NULL, 'expense'),
    ('16010000', 'Tarifas da conta', 'Account fees', '16000000', 'expense'),
    ('16020000', 'Tarifas de transferência e saque', 'Wire transfer fees and ATM fees', '16000000', 'expense'),
    ('16030000', 'Tarifas do cartão de crédito', 'Credit card fees', '16000000', 'expense'),
    ('17000000', 'Moradia', 'Housing', NULL, 'expense'),
    ('17010000', 'Aluguel', 'Rent', '17000000', 'expense'),
    ('17020000', 'Contas de consumo', 'Utilities', '17000000', 'expense'),
    ('18000000', 'Saúde', 'Healthcare', NULL, 'expense'),
    ('18010000', 'Dentista', 'Dentist', '18000000', 'expense'),
    ('18020000', 'Farmácia', 'Pharmacy', '18000000', 'expense'),
    ('19000000', 'Transporte', 'Transportation', NULL, 'expense'),
    ('19010000', 'Táxi e transporte por aplicativo', 'Taxi and ride-hailing', '19000000', 'expense'),
    ('19020000', 'Transporte público', 'Public transportation', '19000000', 'expense'),
    ('19050000', 'Postos de combustível', 'Gas stations', '19000000', 'expense'),
    ('20000000', 'Seguros', 'Insurance', NULL, 'expense'),
    ('21000000', 'Lazer', 'Leisure', NULL, 'expense')
) AS c(id, name, description, parent, type);

-- A company's own choice of category for one of Pluggy's.
CREATE TABLE category_mappings (
    company_id         uuid NOT NULL,
    pluggy_category_id text NOT NULL,
    category_id        uuid NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, pluggy_category_id)
);

-- Rules, applied in position order, first match wins. Every condition given must hold; at least one is given.
CREATE TABLE category_rules (
    id                   uuid PRIMARY KEY,
    company_id           uuid          NOT NULL,
    position             integer       NOT NULL,
    name                 text,
    description_contains text,          -- folded (see SearchText), matched in description and merchant
    description_regex    text,          -- POSIX regular expression, case-insensitive, on the description
    merchant             text,          -- folded merchant name, equal
    document             text,          -- CNPJ/CPF digits of the merchant or the counterparty, equal
    account_id           uuid,
    min_amount           numeric(15,2), -- on the absolute amount
    max_amount           numeric(15,2),
    transaction_type     text CHECK (transaction_type IN ('DEBIT', 'CREDIT')),
    category_id          uuid          NOT NULL REFERENCES categories (id),
    enabled              boolean       NOT NULL DEFAULT true,
    created_at           timestamptz   NOT NULL DEFAULT now(),
    updated_at           timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (company_id, position) DEFERRABLE INITIALLY DEFERRED
);

-- Bumped by every change of a company's rules or mappings: the ingest's cached, compiled rules are keyed by it.
CREATE TABLE category_rule_sets (
    company_id uuid PRIMARY KEY,
    version    bigint NOT NULL
);

-- Transactions: where the category came from, what rules and transfers match on, the transfer pairing.
ALTER TABLE transactions
    ADD COLUMN category_source  text CHECK (category_source IN ('user', 'rule', 'mapping', 'pluggy')),
    ADD COLUMN category_rule_id uuid,
    ADD COLUMN merchant_key     text,      -- folded merchant name
    ADD COLUMN document_key     text,      -- digits of the merchant's CNPJ, else of the counterparty's CPF/CNPJ
    ADD COLUMN transfer_id      uuid,      -- shared by the two sides of a transfer between the company's accounts
    ADD COLUMN transfer_source  text CHECK (transfer_source IN ('auto', 'user')),
    ADD COLUMN transfer_blocked boolean NOT NULL DEFAULT false;  -- the user unpaired it: never paired again by itself
UPDATE transactions SET category_source = 'user' WHERE category_set_by_user;
-- Existing rows take their Pluggy category (no company has mappings or rules yet).
UPDATE transactions t SET category_id = c.id, category_source = 'pluggy'
FROM categories c
WHERE c.pluggy_category_id = t.pluggy_category_id AND t.category_source IS NULL;
ALTER TABLE transactions DROP COLUMN category_set_by_user;
CREATE INDEX transactions_transfer_idx ON transactions (transfer_id) WHERE transfer_id IS NOT NULL;

-- Transactions Pluggy deleted, kept for a while: when Pluggy re-ids a transaction (a delete of the old id, a create
-- of a new one), the new one is recognised here and keeps the ledger id, category and notes of the old one.
CREATE TABLE removed_transactions (
    id                    uuid PRIMARY KEY,   -- the ledger id it had
    company_id            uuid          NOT NULL,
    account_id            uuid          NOT NULL,
    pluggy_transaction_id text          NOT NULL,
    type                  text          NOT NULL,
    status                text          NOT NULL,
    description           text          NOT NULL,
    search_text           text          NOT NULL,
    amount                numeric(15,2) NOT NULL,
    date                  timestamptz   NOT NULL,
    category_id           uuid,
    category_source       text,
    category_rule_id      uuid,
    notes                 text,
    created_at            timestamptz   NOT NULL,
    removed_at            timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX removed_transactions_account_idx ON removed_transactions (account_id, date);
CREATE INDEX removed_transactions_removed_idx ON removed_transactions (removed_at);

-- The ledger's decisions that two Pluggy ids are one payment, visible on the transaction.
CREATE TABLE transaction_replacements (
    replaced_pluggy_transaction_id text PRIMARY KEY,
    pluggy_transaction_id          text        NOT NULL,   -- the id that replaced it
    transaction_id                 uuid        NOT NULL,   -- the ledger transaction the user keeps
    company_id                     uuid        NOT NULL,
    amount_difference              numeric(15,2) NOT NULL,
    days_apart                     integer     NOT NULL,
    description_similarity         real        NOT NULL,
    linked_at                      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transaction_replacements_transaction_idx ON transaction_replacements (transaction_id);

-- Rollups, kept by statement-level triggers on transactions from the transition tables (one set-based statement per
-- ingest statement, whatever the number of rows), so the dashboard never scans transactions and every write path
-- (ingest, user edits, rules, transfers, removals) keeps them exact.
--   flow: transfer (a paired transfer or a transfer-type category), income (money in on a bank account), expense
--   (money out; on a credit card a credit is a refund and counts negative).
CREATE TABLE monthly_rollups (
    company_id  uuid          NOT NULL,
    month       date          NOT NULL,
    flow        text          NOT NULL,
    category_id uuid          NOT NULL,   -- the nil uuid for uncategorised
    total       numeric(17,2) NOT NULL,
    count       bigint        NOT NULL,
    PRIMARY KEY (company_id, month, flow, category_id)
);

-- Per account: the sum and count of its stored transactions, the ledger's side of reconciliation.
CREATE TABLE account_totals (
    account_id uuid          PRIMARY KEY,
    total      numeric(17,2) NOT NULL,
    count      bigint        NOT NULL
);

CREATE FUNCTION ledger_flow(transaction_type text, transfer_id uuid, account_type text, category_type text)
    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN transfer_id IS NOT NULL OR category_type = 'transfer' THEN 'transfer'
                WHEN transaction_type = 'CREDIT' AND account_type IS DISTINCT FROM 'CREDIT' THEN 'income'
                ELSE 'expense' END;

CREATE FUNCTION ledger_flow_value(transaction_type text, amount numeric, flow text)
    RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN flow = 'expense' AND transaction_type = 'CREDIT' THEN -abs(amount) ELSE abs(amount) END;

-- The rollups' share of a set of rows: each row's flow and value in its month and category, and its account's sum.
-- delta is a query of (company_id, account_id, date, type, amount, transfer_id, category_id, sign).
-- (The statement's text, not its execution: a transition table is visible only to statements its trigger runs.)
CREATE FUNCTION ledger_rollup_statement(delta text) RETURNS text LANGUAGE sql IMMUTABLE
    RETURN format($q$
        WITH classified AS (
            SELECT d.company_id, d.account_id,
                   date_trunc('month', d.date AT TIME ZONE (SELECT time_zone FROM ledger_settings))::date AS month,
                   ledger_flow(d.type, d.transfer_id, a.type, c.type) AS flow,
                   coalesce(d.category_id, '00000000-0000-0000-0000-000000000000') AS category_id, d.type,
                   d.amount, d.sign
            FROM (%s) d
            LEFT JOIN accounts a ON a.id = d.account_id
            LEFT JOIN categories c ON c.id = d.category_id
        ), monthly AS (
            INSERT INTO monthly_rollups AS r (company_id, month, flow, category_id, total, count)
            SELECT company_id, month, flow, category_id, sum(sign * ledger_flow_value(type, amount, flow)), sum(sign)
            FROM classified
            GROUP BY company_id, month, flow, category_id
            HAVING sum(sign) <> 0 OR sum(sign * ledger_flow_value(type, amount, flow)) <> 0
            ORDER BY company_id, month, flow, category_id
            ON CONFLICT (company_id, month, flow, category_id)
                DO UPDATE SET total = r.total + EXCLUDED.total, count = r.count + EXCLUDED.count
        )
        INSERT INTO account_totals AS r (account_id, total, count)
        SELECT account_id, sum(sign * amount), sum(sign)
        FROM classified
        GROUP BY account_id
        HAVING sum(sign) <> 0 OR sum(sign * amount) <> 0
        ORDER BY account_id
        ON CONFLICT (account_id) DO UPDATE SET total = r.total + EXCLUDED.total, count = r.count + EXCLUDED.count
        $q$, delta);

-- Statement-level: the transition tables hold every row the statement inserted, updated or deleted; the three cases
-- share one statement.
CREATE FUNCTION ledger_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cols constant text := 'company_id, account_id, date, type, amount, transfer_id, category_id';
BEGIN
    EXECUTE ledger_rollup_statement(CASE TG_OP
        WHEN 'INSERT' THEN format('SELECT %s, 1 AS sign FROM new_rows', cols)
        WHEN 'DELETE' THEN format('SELECT %s, -1 AS sign FROM old_rows', cols)
        ELSE format('SELECT %1$s, 1 AS sign FROM new_rows UNION ALL SELECT %1$s, -1 FROM old_rows', cols) END);
    RETURN NULL;
END
$$;

-- The rollups from scratch, for one company (a category's type changed) or for all (the ledger's zone changed).
CREATE FUNCTION ledger_rebuild_rollups(company uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF company IS NULL THEN
        DELETE FROM monthly_rollups;
        DELETE FROM account_totals;
    ELSE
        DELETE FROM monthly_rollups WHERE company_id = company;
        DELETE FROM account_totals t USING accounts a WHERE a.id = t.account_id AND a.company_id = company;
    END IF;
    EXECUTE ledger_rollup_statement(format(
        'SELECT company_id, account_id, date, type, amount, transfer_id, category_id, 1 AS sign FROM transactions '
        || 'WHERE %L::uuid IS NULL OR company_id = %L::uuid', company, company));
END
$$;

-- The rollups of existing rows, then the triggers that keep them.
SELECT ledger_rebuild_rollups(NULL);

CREATE TRIGGER transactions_rollup_insert AFTER INSERT ON transactions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_rollup_trigger();
CREATE TRIGGER transactions_rollup_update AFTER UPDATE ON transactions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_rollup_trigger();
CREATE TRIGGER transactions_rollup_delete AFTER DELETE ON transactions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_rollup_trigger();
