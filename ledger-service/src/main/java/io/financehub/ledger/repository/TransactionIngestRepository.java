package io.financehub.ledger.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ingest's SQL. This is the hot path, so it leaves Panache for the reactive PostgreSQL client and set-based
 * statements: each statement takes a whole batch as arrays and {@code unnest}s them on the server, one round trip
 * per batch rather than one per row. Every method runs on the caller's connection, inside the caller's transaction.
 */
@ApplicationScoped
public class TransactionIngestRepository {

    /** Advisory lock namespace serialising "batch parked for an unknown account" with "account arrives". */
    private static final int ACCOUNT_LOCK_NAMESPACE = 7301;
    /** Advisory lock namespace serialising the pairing of transfers within a company. */
    private static final int TRANSFER_LOCK_NAMESPACE = 7302;

    /** The columns the upsert writes, in the order of the rows {@code r} it selects from. */
    private static final String COLUMNS = """
            company_id, account_id, pluggy_transaction_id, type, status, description, description_raw, amount,
            amount_in_account_currency, balance, currency_code, date, pluggy_category_id, pluggy_category_description,
            merchant_name, merchant, payment_data, credit_card_metadata, provider_code, provider_id, operation_type,
            search_text, pluggy_created_at, pluggy_updated_at, merchant_key, document_key""";

    /**
     * The batch as rows {@code r} with the columns of transactions: $1 company, $2 account, $3..$26 the column arrays
     * of {@link TransactionRows}, in {@link #COLUMNS} order.
     */
    private static final String ROWS = """
            (SELECT $1::uuid AS company_id, $2::uuid AS account_id, u.*
             FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::numeric[], $9::numeric[],
                  $10::numeric[], $11::text[], $12::timestamptz[], $13::text[], $14::text[], $15::text[], $16::text[],
                  $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[], $23::timestamptz[],
                  $24::timestamptz[], $25::text[], $26::text[])
               AS u(pluggy_transaction_id, type, status, description, description_raw, amount,
                    amount_in_account_currency, balance, currency_code, date, pluggy_category_id,
                    pluggy_category_description, merchant_name, merchant, payment_data, credit_card_metadata,
                    provider_code, provider_id, operation_type, search_text, pluggy_created_at, pluggy_updated_at,
                    merchant_key, document_key)) r""";

    private static final int FIRST_RULE_PARAMETER = 27;

    /** A newer Pluggy version replaces the stored one only if something changed; the user's category never. */
    private static final String ON_CONFLICT = """
                ON CONFLICT (pluggy_transaction_id) DO UPDATE SET
                    type = EXCLUDED.type, status = EXCLUDED.status, description = EXCLUDED.description,
                    description_raw = EXCLUDED.description_raw, amount = EXCLUDED.amount,
                    amount_in_account_currency = EXCLUDED.amount_in_account_currency, balance = EXCLUDED.balance,
                    currency_code = EXCLUDED.currency_code, date = EXCLUDED.date,
                    pluggy_category_id = EXCLUDED.pluggy_category_id,
                    pluggy_category_description = EXCLUDED.pluggy_category_description,
                    merchant_name = EXCLUDED.merchant_name, merchant = EXCLUDED.merchant,
                    payment_data = EXCLUDED.payment_data, credit_card_metadata = EXCLUDED.credit_card_metadata,
                    provider_code = EXCLUDED.provider_code, provider_id = EXCLUDED.provider_id,
                    operation_type = EXCLUDED.operation_type, search_text = EXCLUDED.search_text,
                    pluggy_created_at = EXCLUDED.pluggy_created_at, pluggy_updated_at = EXCLUDED.pluggy_updated_at,
                    merchant_key = EXCLUDED.merchant_key, document_key = EXCLUDED.document_key,
                    category_id = CASE WHEN t.category_source = 'user' THEN t.category_id ELSE EXCLUDED.category_id END,
                    category_rule_id = CASE WHEN t.category_source = 'user' THEN NULL ELSE EXCLUDED.category_rule_id END,
                    category_source = CASE WHEN t.category_source = 'user' THEN 'user' ELSE EXCLUDED.category_source END,
                    updated_at = now()
                WHERE t.account_id = EXCLUDED.account_id
                  AND coalesce(EXCLUDED.pluggy_updated_at, '-infinity') >= coalesce(t.pluggy_updated_at, '-infinity')
                  AND (t.type, t.status, t.description, t.description_raw, t.amount, t.amount_in_account_currency,
                       t.balance, t.currency_code, t.date, t.pluggy_category_id, t.pluggy_category_description,
                       t.merchant_name, t.merchant, t.payment_data, t.credit_card_metadata, t.provider_code,
                       t.provider_id, t.operation_type, t.pluggy_updated_at)
                      IS DISTINCT FROM
                      (EXCLUDED.type, EXCLUDED.status, EXCLUDED.description, EXCLUDED.description_raw, EXCLUDED.amount,
                       EXCLUDED.amount_in_account_currency, EXCLUDED.balance, EXCLUDED.currency_code, EXCLUDED.date,
                       EXCLUDED.pluggy_category_id, EXCLUDED.pluggy_category_description, EXCLUDED.merchant_name,
                       EXCLUDED.merchant, EXCLUDED.payment_data, EXCLUDED.credit_card_metadata, EXCLUDED.provider_code,
                       EXCLUDED.provider_id, EXCLUDED.operation_type, EXCLUDED.pluggy_updated_at)
            """;

    /**
     * The batch upsert, its category decided by {@code categorization} (see {@link Categorization}). A newer Pluggy
     * version replaces the stored one only if something changed; the user's category and notes are never replaced.
     * Public because the benchmark runs this very statement through pgbench.
     */
    public static String upsert(Categorization categorization, List<Object> ruleParameters) {
        return "INSERT INTO transactions AS t (" + COLUMNS + """
                , category_id, category_source, category_rule_id)
                SELECT r.company_id, r.account_id, r.pluggy_transaction_id, r.type, r.status, r.description,
                    r.description_raw, r.amount, r.amount_in_account_currency, r.balance, r.currency_code, r.date,
                    r.pluggy_category_id, r.pluggy_category_description, r.merchant_name, r.merchant::jsonb,
                    r.payment_data::jsonb, r.credit_card_metadata::jsonb, r.provider_code, r.provider_id,
                    r.operation_type, r.search_text, r.pluggy_created_at, r.pluggy_updated_at, r.merchant_key,
                    r.document_key, """ + Categorization.CATEGORY + ", " + Categorization.SOURCE + ", "
                + Categorization.RULE + "\nFROM " + ROWS
                + categorization.joins(FIRST_RULE_PARAMETER, ruleParameters) + """

                """ + ON_CONFLICT;
    }

    /**
     * The batch's rows with their position in the batch ({@code ord}): $1 company, $2 account, $3..$26 the column
     * arrays of {@link TransactionRows}, in {@link #COLUMNS} order.
     */
    private static final String BATCH = """
            SELECT $1::uuid AS company_id, $2::uuid AS account_id, u.*
            FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::numeric[], $9::numeric[],
                 $10::numeric[], $11::text[], $12::timestamptz[], $13::text[], $14::text[], $15::text[], $16::text[],
                 $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[], $23::timestamptz[],
                 $24::timestamptz[], $25::text[], $26::text[]) WITH ORDINALITY
              AS u(pluggy_transaction_id, type, status, description, description_raw, amount,
                   amount_in_account_currency, balance, currency_code, date, pluggy_category_id,
                   pluggy_category_description, merchant_name, merchant, payment_data, credit_card_metadata,
                   provider_code, provider_id, operation_type, search_text, pluggy_created_at, pluggy_updated_at,
                   merchant_key, document_key, ord)""";

    private static final int FIRST_STORE_RULE_PARAMETER = 29;

    /**
     * A whole batch in one statement, when the plan has room for every row of it: what {@link #CLASSIFY}, the
     * {@link #upsert}, {@link #GRANT} and {@link #RELEASE} do one after another, with the same rules.
     *
     * <ul>
     * <li>{@code unheld}: the ids not stored (in the statement's snapshot, before its own writes), and whether a
     * tombstone keeps each one deleted;</li>
     * <li>{@code upserted}: every row but the tombstoned new ones, through the same upsert;</li>
     * <li>{@code granted}: the usage row grants min(new rows, limit - used). Its one-time filter reads
     * {@code upserted} to the end first, so the usage row, where concurrent batches of the company queue, is
     * locked only once the upsert is done, as with the separate statements;</li>
     * <li>{@code released}: new rows held back by earlier batches leave the held-back list, when the grant covered
     * every new row (otherwise the caller holds back the rest and releases what was stored).</li>
     * </ul>
     *
     * Returns one row: the grant and the new ids in batch order ($27 month, $28 limit, rules from $29). Public because
     * the benchmark runs this very statement through pgbench.
     */
    public static String store(Categorization categorization, List<Object> ruleParameters) {
        return "WITH batch AS MATERIALIZED (" + BATCH + """
                ), unheld AS MATERIALIZED (
                    SELECT b.pluggy_transaction_id AS id, b.ord,
                           EXISTS (SELECT 1 FROM transaction_tombstones d
                                   WHERE d.pluggy_transaction_id = b.pluggy_transaction_id) AS deleted
                    FROM batch b
                    WHERE NOT EXISTS (SELECT 1 FROM transactions s
                                      WHERE s.pluggy_transaction_id = b.pluggy_transaction_id)
                ), asked AS (
                    SELECT count(*) AS n FROM unheld WHERE NOT deleted
                ), upserted AS (
                    INSERT INTO transactions AS t (""" + COLUMNS + """
                    , category_id, category_source, category_rule_id)
                    SELECT r.company_id, r.account_id, r.pluggy_transaction_id, r.type, r.status, r.description,
                        r.description_raw, r.amount, r.amount_in_account_currency, r.balance, r.currency_code, r.date,
                        r.pluggy_category_id, r.pluggy_category_description, r.merchant_name, r.merchant::jsonb,
                        r.payment_data::jsonb, r.credit_card_metadata::jsonb, r.provider_code, r.provider_id,
                        r.operation_type, r.search_text, r.pluggy_created_at, r.pluggy_updated_at, r.merchant_key,
                        r.document_key, """ + Categorization.CATEGORY + ", " + Categorization.SOURCE + ", "
                + Categorization.RULE + "\nFROM batch r"
                + categorization.joins(FIRST_STORE_RULE_PARAMETER, ruleParameters) + """

                    WHERE NOT EXISTS (SELECT 1 FROM unheld x WHERE x.id = r.pluggy_transaction_id AND x.deleted)
                    """ + ON_CONFLICT + """
                    RETURNING 1
                ), granted AS (
                    -- The plan had room for the whole batch, so the new rows never exceed the limit and the
                    -- inserted "used" is the number asked, which the update reads back as EXCLUDED.used.
                    INSERT INTO transaction_usage AS u (company_id, month, used, last_granted)
                    SELECT $1, $27, a.n, a.n FROM asked a
                    WHERE a.n > 0 AND (SELECT count(*) FROM upserted) >= 0
                    ON CONFLICT (company_id, month) DO UPDATE
                       SET last_granted = LEAST(EXCLUDED.used, GREATEST($28::bigint - u.used, 0)),
                           used = u.used + LEAST(EXCLUDED.used, GREATEST($28::bigint - u.used, 0))
                    RETURNING last_granted
                ), released AS (
                    DELETE FROM held_back_transactions h USING unheld x
                    WHERE h.pluggy_transaction_id = x.id AND NOT x.deleted
                      AND (SELECT last_granted FROM granted) = (SELECT n FROM asked)
                )
                SELECT coalesce((SELECT last_granted FROM granted), 0) AS granted,
                       (SELECT array_agg(id ORDER BY ord) FROM unheld WHERE NOT deleted) AS new_ids
                """;
    }

    private static final String TARGET = """
            SELECT a.id, a.company_id, a.removed_at IS NOT NULL AS removed, c.monthly_transaction_limit,
                   coalesce(u.used, 0) AS used, coalesce(rs.version, 0) AS rules_version
            FROM accounts a
            LEFT JOIN companies c ON c.id = a.company_id
            LEFT JOIN transaction_usage u ON u.company_id = a.company_id AND u.month = $2
            LEFT JOIN category_rule_sets rs ON rs.company_id = a.company_id
            WHERE a.pluggy_account_id = $1
            """;

    /** Ids of the batch the ledger does not hold: new, deleted before, or held back before. */
    private static final String CLASSIFY = """
            SELECT u.id,
                   EXISTS (SELECT 1 FROM transaction_tombstones d WHERE d.pluggy_transaction_id = u.id) AS deleted,
                   EXISTS (SELECT 1 FROM held_back_transactions h WHERE h.pluggy_transaction_id = u.id) AS held
            FROM unnest($1::text[]) AS u(id)
            WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE t.pluggy_transaction_id = u.id)
            """;

    /**
     * Pluggy deleted these ids: tombstones (a late create never brings them back), and the rows move to
     * removed_transactions, where a re-id'd successor can still find them (see {@link #LINK}).
     */
    private static final String DELETE = """
            WITH tombstones AS (
                INSERT INTO transaction_tombstones (pluggy_transaction_id)
                SELECT unnest($1::text[]) ON CONFLICT DO NOTHING
            ), unheld AS (
                DELETE FROM held_back_transactions WHERE pluggy_transaction_id = ANY($1)
            ), gone AS (
                DELETE FROM transactions WHERE pluggy_transaction_id = ANY($1) AND account_id = $2
                RETURNING id, company_id, account_id, pluggy_transaction_id, type, status, description, search_text,
                          amount, date, category_id, category_source, category_rule_id, notes, created_at
            )
            INSERT INTO removed_transactions (id, company_id, account_id, pluggy_transaction_id, type, status,
                description, search_text, amount, date, category_id, category_source, category_rule_id, notes,
                created_at)
            SELECT * FROM gone
            ON CONFLICT (id) DO NOTHING
            """;

    /**
     * One transaction per real-world payment. Pluggy re-ids a transaction whose description, amount or date changed
     * (a pending charge that posts, typically): a delete of the old id, a create of a new one, in either order and
     * nothing linking them. A live row of the account that arrived after a removed one (within 30 days of its
     * removal) takes the removed row's place when they are the same payment: same type, amounts within 2 % (at
     * least R$ 0.05), dates at most 5 days apart, descriptions at least 40 % alike (trigram similarity), and each
     * is the other's best match. It keeps the removed row's ledger id, and its category and notes where the user
     * set them; the link is recorded. Only a removed row is ever merged into a live one, so two live charges, however
     * alike, are never merged.
     */
    private static final String LINK = """
            WITH candidates AS (
                SELECT o.id AS old_id, n.id AS new_id, o.pluggy_transaction_id AS old_pluggy_id,
                       n.pluggy_transaction_id AS new_pluggy_id, n.company_id,
                       n.amount - o.amount AS amount_difference,
                       abs(n.date::date - o.date::date) AS days_apart,
                       similarity(n.search_text, o.search_text) AS alike,
                       o.category_id AS old_category, o.category_source AS old_source,
                       o.category_rule_id AS old_rule, o.notes AS old_notes
                FROM removed_transactions o
                JOIN transactions n ON n.account_id = o.account_id
                     AND n.date BETWEEN o.date - interval '5 days' AND o.date + interval '5 days'
                     AND n.type = o.type
                     AND abs(n.amount - o.amount) <= greatest(0.05, abs(o.amount) * 0.02)
                     AND n.created_at >= o.created_at
                     AND n.pluggy_transaction_id <> o.pluggy_transaction_id
                WHERE o.account_id = $1 AND o.removed_at > now() - interval '30 days'
                  AND similarity(n.search_text, o.search_text) >= 0.4
                  AND NOT EXISTS (SELECT 1 FROM transaction_replacements x
                                  WHERE x.pluggy_transaction_id = n.pluggy_transaction_id)
            ), ranked AS (
                SELECT c.*,
                       row_number() OVER (PARTITION BY old_id
                                          ORDER BY abs(amount_difference), days_apart, alike DESC, new_id) AS old_rank,
                       row_number() OVER (PARTITION BY new_id
                                          ORDER BY abs(amount_difference), days_apart, alike DESC, old_id) AS new_rank
                FROM candidates c
            ), pairs AS (
                SELECT * FROM ranked WHERE old_rank = 1 AND new_rank = 1
            ), unremoved AS (
                DELETE FROM removed_transactions o USING pairs p WHERE o.id = p.old_id
            ), kept AS (
                UPDATE transactions t SET id = p.old_id,
                    category_id = CASE WHEN p.old_source = 'user' THEN p.old_category ELSE t.category_id END,
                    category_rule_id = CASE WHEN p.old_source = 'user' THEN NULL ELSE t.category_rule_id END,
                    category_source = CASE WHEN p.old_source = 'user' THEN 'user' ELSE t.category_source END,
                    notes = coalesce(p.old_notes, t.notes), updated_at = now()
                FROM pairs p WHERE t.id = p.new_id
                RETURNING p.*
            )
            INSERT INTO transaction_replacements (replaced_pluggy_transaction_id, pluggy_transaction_id, transaction_id,
                company_id, amount_difference, days_apart, description_similarity)
            SELECT old_pluggy_id, new_pluggy_id, old_id, company_id, amount_difference, days_apart, alike FROM kept
            ON CONFLICT (replaced_pluggy_transaction_id) DO NOTHING
            """;

    /**
     * Transfers between the company's own accounts, for the rows of a batch: a row and one of the opposite type
     * in another of the company's accounts, of the same absolute amount, at most 3 days apart, neither paired nor
     * unpaired by the user, and a sign that it is a transfer: either side's category is of type transfer (Pluggy's
     * same-person transfers, credit-card bill payments, ...), or either side's counterparty is the other account's
     * owner. Each pair is both rows' nearest match. Runs after the batch committed, one pairing per company at a time
     * (see TransactionIngestService#pairTransfers).
     */
    private static final String CANDIDATES = """
            fresh AS (
                SELECT t.* FROM transactions t
                WHERE t.pluggy_transaction_id = ANY($1) AND t.transfer_id IS NULL AND NOT t.transfer_blocked
            ), candidates AS (
                SELECT f.id AS a, o.id AS b, abs(extract(epoch FROM o.date - f.date)) AS apart
                FROM fresh f
                JOIN accounts fa ON fa.id = f.account_id
                -- The other side by amount (two equality probes of the amount index; a transfer out of a bank
                -- account and into a card both show as negative amounts), then by date.
                JOIN LATERAL (
                    SELECT * FROM transactions x WHERE x.company_id = f.company_id AND x.amount = -f.amount
                    UNION ALL
                    SELECT * FROM transactions x WHERE x.company_id = f.company_id AND x.amount = f.amount
                ) o ON o.account_id <> f.account_id AND o.type <> f.type
                     AND o.date BETWEEN f.date - interval '3 days' AND f.date + interval '3 days'
                     AND o.transfer_id IS NULL AND NOT o.transfer_blocked
                JOIN accounts oa ON oa.id = o.account_id
                LEFT JOIN categories fc ON fc.id = f.category_id
                LEFT JOIN categories oc ON oc.id = o.category_id
                WHERE fc.type = 'transfer' OR oc.type = 'transfer'
                   OR (f.document_key IS NOT NULL AND f.document_key = oa.tax_number)
                   OR (o.document_key IS NOT NULL AND o.document_key = fa.tax_number)
            )""";

    private static final String PAIR = "WITH " + CANDIDATES + """
            , pairs AS (
                SELECT a, b, gen_random_uuid() AS transfer_id FROM (
                    SELECT c.*, row_number() OVER (PARTITION BY a ORDER BY apart, b) AS ra,
                                row_number() OVER (PARTITION BY b ORDER BY apart, a) AS rb
                    FROM candidates c) ranked
                WHERE ra = 1 AND rb = 1
            )
            UPDATE transactions t SET transfer_id = p.transfer_id, transfer_source = 'auto', updated_at = now()
            FROM (SELECT a AS id, transfer_id FROM pairs UNION ALL SELECT b, transfer_id FROM pairs) p
            WHERE t.id = p.id
            """;

    /**
     * Whether {@link #PAIR} would find anything for these rows: the same candidates, read without the company's lock
     * and without writing (so without a commit to flush). Run after the batch committed, it sees the batch and
     * everything committed before: of two batches holding the two sides of a transfer, the one that commits second
     * sees both, so skipping {@link #PAIR} when this finds nothing never leaves a pair unmade.
     */
    private static final String PAIRABLE = "WITH " + CANDIDATES + "\nSELECT EXISTS (SELECT 1 FROM candidates)";

    /**
     * The plan limit, atomically per batch: one conditional update of the company's usage row grants
     * min(asked, limit - used) and reads the grant back; concurrent batches queue on that one row, never on rows of
     * transactions.
     */
    private static final String GRANT = """
            INSERT INTO transaction_usage AS u (company_id, month, used, last_granted)
            VALUES ($1, $2, LEAST($3::bigint, $4::bigint), LEAST($3::bigint, $4::bigint))
            ON CONFLICT (company_id, month) DO UPDATE
               SET last_granted = LEAST($3::bigint, GREATEST($4::bigint - u.used, 0)),
                   used = u.used + LEAST($3::bigint, GREATEST($4::bigint - u.used, 0))
            RETURNING last_granted
            """;

    private static final String HOLD_BACK = """
            WITH unstored AS (
                DELETE FROM transactions WHERE pluggy_transaction_id = ANY($3) AND account_id = $2
            )
            INSERT INTO held_back_transactions (pluggy_transaction_id, company_id, account_id, date)
            SELECT u.id, $1, $2, u.date FROM unnest($3::text[], $4::timestamptz[]) AS u(id, date)
            ON CONFLICT (pluggy_transaction_id) DO NOTHING
            """;

    private static final String RELEASE = "DELETE FROM held_back_transactions WHERE pluggy_transaction_id = ANY($1)";

    private static final String LOCK_ACCOUNT = "SELECT pg_advisory_xact_lock($1, hashtext($2))";

    private static final String LOCK_ACCOUNTS = """
            SELECT count(pg_advisory_xact_lock($1, hashtext(s.id)))
            FROM (SELECT DISTINCT id FROM unnest($2::text[]) AS u(id) ORDER BY id) s
            """;

    private static final String PARK = """
            INSERT INTO pending_batches (event_id, pluggy_account_id, company_id, batch)
            VALUES ($1, $2, $3, $4::text::jsonb) ON CONFLICT (event_id) DO NOTHING
            """;

    private static final String UNPARK = """
            DELETE FROM pending_batches p
            WHERE p.pluggy_account_id = ANY($1)
              AND EXISTS (SELECT 1 FROM accounts a WHERE a.pluggy_account_id = p.pluggy_account_id)
            RETURNING p.seq, p.event_id, p.company_id, p.batch::text AS batch
            """;

    /** The account a batch belongs to, its company's limit and this month's usage so far. */
    public Uni<Target> target(SqlConnection conn, String pluggyAccountId, LocalDate month) {
        return conn.preparedQuery(TARGET).execute(Tuple.of(pluggyAccountId, month))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Target(row.getUUID("id"), row.getUUID("company_id"), row.getBoolean("removed"),
                            row.getLong("monthly_transaction_limit"), row.getLong("used"),
                            row.getLong("rules_version"));
                });
    }

    public Uni<List<Unheld>> classify(SqlConnection conn, String[] ids) {
        return conn.preparedQuery(CLASSIFY).execute(Tuple.of(ids))
                .map(rows -> {
                    List<Unheld> result = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        result.add(new Unheld(row.getString("id"), row.getBoolean("deleted"), row.getBoolean("held")));
                    }
                    return result;
                });
    }

    public Uni<Integer> delete(SqlConnection conn, UUID accountId, String[] ids) {
        return conn.preparedQuery(DELETE).execute(Tuple.of(ids, accountId)).map(RowSet::rowCount);
    }

    public Uni<Integer> upsert(SqlConnection conn, UUID companyId, UUID accountId, TransactionRows rows,
            Categorization categorization) {
        List<Object> ruleParameters = new ArrayList<>();
        String sql = upsert(categorization, ruleParameters);
        Tuple tuple = rows.appendTo(Tuple.of(companyId, accountId));
        ruleParameters.forEach(tuple::addValue);
        return conn.preparedQuery(sql).execute(tuple).map(RowSet::rowCount);
    }

    /**
     * Applies the batch's rows in one statement (see {@link #store}): only when the plan has room for all of them.
     */
    public Uni<Stored> store(SqlConnection conn, UUID companyId, UUID accountId, TransactionRows rows,
            Categorization categorization, LocalDate month, long limit) {
        List<Object> ruleParameters = new ArrayList<>();
        String sql = store(categorization, ruleParameters);
        Tuple tuple = rows.appendTo(Tuple.of(companyId, accountId)).addLocalDate(month).addLong(limit);
        ruleParameters.forEach(tuple::addValue);
        return conn.preparedQuery(sql).execute(tuple).map(result -> {
            Row row = result.iterator().next();
            String[] fresh = row.getArrayOfStrings(1);
            return new Stored(row.getInteger(0), fresh == null ? List.of() : Arrays.asList(fresh));
        });
    }

    /** Links re-id'd transactions of the account (see {@link #LINK}); returns how many links were made. */
    public Uni<Integer> link(SqlConnection conn, UUID accountId) {
        return conn.preparedQuery(LINK).execute(Tuple.of(accountId)).map(RowSet::rowCount);
    }

    /** One pairing of transfers at a time per company (the lock of the account's company, until commit). */
    public Uni<Void> lockCompanyOfAccount(SqlConnection conn, String pluggyAccountId) {
        return conn.preparedQuery("SELECT pg_advisory_xact_lock($1, hashtext(company_id::text)) FROM accounts "
                + "WHERE pluggy_account_id = $2").execute(Tuple.of(TRANSFER_LOCK_NAMESPACE, pluggyAccountId))
                .replaceWithVoid();
    }

    /** Whether the rows have a transfer's other side to be paired with (see {@link #PAIRABLE}). */
    public Uni<Boolean> pairable(SqlClient client, String[] storedIds) {
        return client.preparedQuery(PAIRABLE).execute(Tuple.of(storedIds))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Pairs the rows with their transfer's other side (see {@link #PAIR}); returns the rows paired. */
    public Uni<Integer> pairTransfers(SqlConnection conn, String[] storedIds) {
        return conn.preparedQuery(PAIR).execute(Tuple.of(storedIds)).map(RowSet::rowCount);
    }


    /** Grants up to {@code asked} of the month's remaining {@code limit}; returns what was granted. */
    public Uni<Integer> grant(SqlConnection conn, UUID companyId, LocalDate month, int asked, long limit) {
        return conn.preparedQuery(GRANT).execute(Tuple.of(companyId, month, (long) asked, limit))
                .map(rows -> rows.iterator().next().getInteger("last_granted"));
    }

    public Uni<Void> holdBack(SqlConnection conn, UUID companyId, UUID accountId, String[] ids,
            OffsetDateTime[] dates) {
        return conn.preparedQuery(HOLD_BACK)
                .execute(Tuple.of(companyId, accountId, ids).addArrayOfOffsetDateTime(dates))
                .replaceWithVoid();
    }

    public Uni<Void> release(SqlConnection conn, String[] ids) {
        return conn.preparedQuery(RELEASE).execute(Tuple.of(ids)).replaceWithVoid();
    }

    /** Serialises parking a batch for an unknown account with that account's arrival (see {@link #lockAccounts}). */
    public Uni<Void> lockAccount(SqlConnection conn, String pluggyAccountId) {
        return conn.preparedQuery(LOCK_ACCOUNT).execute(Tuple.of(ACCOUNT_LOCK_NAMESPACE, pluggyAccountId))
                .replaceWithVoid();
    }

    /** Takes the account locks in a stable order, so two snapshots never deadlock. */
    public Uni<Void> lockAccounts(SqlConnection conn, String[] pluggyAccountIds) {
        return conn.preparedQuery(LOCK_ACCOUNTS).execute(Tuple.of(ACCOUNT_LOCK_NAMESPACE, pluggyAccountIds))
                .replaceWithVoid();
    }

    public Uni<Void> park(SqlConnection conn, UUID eventId, String pluggyAccountId, UUID companyId, String batchJson) {
        return conn.preparedQuery(PARK).execute(Tuple.of(eventId, pluggyAccountId, companyId, batchJson))
                .replaceWithVoid();
    }

    /** Removes and returns, in arrival order, the parked batches of those accounts the ledger now knows. */
    public Uni<List<Parked>> unpark(SqlConnection conn, String[] pluggyAccountIds) {
        return conn.preparedQuery(UNPARK).execute(Tuple.of(pluggyAccountIds))
                .map(rows -> {
                    List<Parked> parked = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        parked.add(new Parked(row.getLong("seq"), row.getUUID("event_id"), row.getUUID("company_id"),
                                row.getString("batch")));
                    }
                    parked.sort(Comparator.comparingLong(Parked::seq));
                    return parked;
                });
    }

    /**
     * @param limit the company's monthly limit, or null when unlimited or the company is not known yet
     * @param used  transactions stored this month before this batch (read without a lock: only a hint)
     * @param rulesVersion the version of the company's rules and mappings (0: never changed)
     */
    public record Target(UUID accountId, UUID companyId, boolean removed, Long limit, long used, long rulesVersion) {
    }

    /**
     * @param granted new rows the plan granted (counted as used)
     * @param newIds  the batch's new rows (not stored before, not deleted), in batch order
     */
    public record Stored(int granted, List<String> newIds) {
    }

    /** An id of a batch that is not stored: new, or deleted before, or held back before. */
    public record Unheld(String id, boolean deleted, boolean held) {
    }

    public record Parked(long seq, UUID eventId, UUID companyId, String batchJson) {
    }
}
