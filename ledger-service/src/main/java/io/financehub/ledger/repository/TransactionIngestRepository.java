package io.financehub.ledger.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
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

    /** The batch upsert; public because the benchmark runs this very statement through pgbench. */
    public static final String UPSERT = """
            INSERT INTO transactions AS t (company_id, account_id, pluggy_transaction_id, type, status, description,
                description_raw, amount, amount_in_account_currency, balance, currency_code, date, pluggy_category_id,
                pluggy_category_description, merchant_name, merchant, payment_data, credit_card_metadata,
                provider_code, provider_id, operation_type, search_text, pluggy_created_at, pluggy_updated_at)
            SELECT $1, $2, u.id, u.type, u.status, u.description, u.description_raw, u.amount, u.amount_acc,
                u.balance, u.currency_code, u.date, u.category_id, u.category, u.merchant_name, u.merchant::jsonb,
                u.payment_data::jsonb, u.card_meta::jsonb, u.provider_code, u.provider_id, u.operation_type,
                u.search_text, u.created_at, u.updated_at
            FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::numeric[], $9::numeric[],
                $10::numeric[], $11::text[], $12::timestamptz[], $13::text[], $14::text[], $15::text[], $16::text[],
                $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[], $23::timestamptz[],
                $24::timestamptz[])
              AS u(id, type, status, description, description_raw, amount, amount_acc, balance, currency_code, date,
                category_id, category, merchant_name, merchant, payment_data, card_meta, provider_code, provider_id,
                operation_type, search_text, created_at, updated_at)
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

    private static final String TARGET = """
            SELECT a.id, a.company_id, a.removed_at IS NOT NULL AS removed, c.monthly_transaction_limit,
                   coalesce(u.used, 0) AS used
            FROM accounts a
            LEFT JOIN companies c ON c.id = a.company_id
            LEFT JOIN transaction_usage u ON u.company_id = a.company_id AND u.month = $2
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

    private static final String DELETE = """
            WITH tombstones AS (
                INSERT INTO transaction_tombstones (pluggy_transaction_id)
                SELECT unnest($1::text[]) ON CONFLICT DO NOTHING
            ), unheld AS (
                DELETE FROM held_back_transactions WHERE pluggy_transaction_id = ANY($1)
            )
            DELETE FROM transactions WHERE pluggy_transaction_id = ANY($1) AND account_id = $2
            """;

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
                            row.getLong("monthly_transaction_limit"), row.getLong("used"));
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

    public Uni<Integer> upsert(SqlConnection conn, UUID companyId, UUID accountId, TransactionRows rows) {
        return conn.preparedQuery(UPSERT).execute(rows.appendTo(Tuple.of(companyId, accountId)))
                .map(RowSet::rowCount);
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
     */
    public record Target(UUID accountId, UUID companyId, boolean removed, Long limit, long used) {
    }

    /** An id of a batch that is not stored: new, or deleted before, or held back before. */
    public record Unheld(String id, boolean deleted, boolean held) {
    }

    public record Parked(long seq, UUID eventId, UUID companyId, String batchJson) {
    }
}
