package io.financehub.ledger.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.ledger.LedgerTransaction;
import io.financehub.ledger.service.TransactionFilter;
import io.financehub.ledger.service.WordFrequencies;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads and user edits of transactions. The list is the other hot path: keyset pages over indexes that hold (sort key,
 * id), built as SQL for the reactive client rather than through Panache, and every statement is scoped by company.
 */
@ApplicationScoped
public class TransactionQueryRepository {

    private static final String COLUMNS = """
            SELECT t.id, t.pluggy_transaction_id, t.account_id, t.type, t.status, t.description, t.amount,
                   t.amount_in_account_currency, t.balance, t.currency_code, t.date, t.category_id,
                   t.pluggy_category_id, t.pluggy_category_description, t.notes, t.merchant::text AS merchant,
                   t.payment_data::text AS payment_data, t.credit_card_metadata::text AS credit_card_metadata,
                   t.operation_type, t.category_source, t.category_rule_id, t.transfer_id, t.transfer_source,
                   t.created_at, t.updated_at
            """;

    private static final String RETURNING = """
            RETURNING id, pluggy_transaction_id, account_id, type, status, description, amount,
                   amount_in_account_currency, balance, currency_code, date, category_id, pluggy_category_id,
                   pluggy_category_description, notes, merchant::text AS merchant, payment_data::text AS payment_data,
                   credit_card_metadata::text AS credit_card_metadata, operation_type, category_source,
                   category_rule_id, transfer_id, transfer_source, created_at, updated_at
            """;

    private static final String PATCH = """
            UPDATE transactions SET
                notes = CASE WHEN $3 THEN $4 ELSE notes END,
                category_id = CASE WHEN $5 THEN $6::uuid ELSE category_id END,
                category_source = CASE WHEN $5 THEN 'user' ELSE category_source END,
                category_rule_id = CASE WHEN $5 THEN NULL ELSE category_rule_id END,
                updated_at = now()
            WHERE id = $1 AND company_id = $2
            """ + RETURNING;

    private static final String CATEGORIZE = """
            UPDATE transactions SET category_id = $3, category_source = 'user', category_rule_id = NULL,
                updated_at = now()
            WHERE company_id = $1 AND id = ANY($2)
            """;

    private final Pool pool;

    TransactionQueryRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * One page in the given order, after {@code after} if not null.
     *
     * @param sortColumn date or amount
     */
    public Uni<List<LedgerTransaction>> page(UUID companyId, TransactionFilter filter, String sortColumn,
            boolean descending, Object afterValue, UUID afterId, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(COLUMNS).append("FROM transactions t WHERE t.company_id = $1");
        params.add(companyId);
        filter.appendTo(sql, params);
        if (afterId != null) {
            params.add(afterValue);
            params.add(afterId);
            sql.append(" AND (t.").append(sortColumn).append(", t.id) ").append(descending ? "<" : ">")
                    .append(" ($").append(params.size() - 1).append(", $").append(params.size()).append(')');
        }
        String direction = descending ? " DESC" : " ASC";
        params.add(limit);
        sql.append(" ORDER BY t.").append(sortColumn).append(direction).append(", t.id").append(direction)
                .append(" LIMIT $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(TransactionQueryRepository::read);
    }

    public Uni<Long> count(UUID companyId, TransactionFilter filter) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM transactions t WHERE t.company_id = $1");
        params.add(companyId);
        filter.appendTo(sql, params);
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * The company's transactions in the months from {@code firstMonth} to {@code lastMonth} (first days; null: no
     * bound), from the rollups: an index range of a few rows per month and category, never the transactions.
     */
    public Uni<Long> rowsInMonths(UUID companyId, LocalDate firstMonth, LocalDate lastMonth) {
        return pool.preparedQuery("""
                SELECT coalesce(sum(count), 0) FROM monthly_rollups
                WHERE company_id = $1 AND ($2::date IS NULL OR month >= $2) AND ($3::date IS NULL OR month <= $3)""")
                .execute(Tuple.of(companyId, firstMonth, lastMonth)).map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * The planner's statistics of search_text (most common values and histogram bounds, as text), or
     * {@link WordFrequencies#NONE} when the table was never analysed.
     */
    public Uni<WordFrequencies> searchStatistics() {
        return pool.query("""
                SELECT coalesce(most_common_vals::text::text[], '{}'), coalesce(most_common_freqs, '{}'),
                       coalesce(histogram_bounds::text::text[], '{}'), null_frac
                FROM pg_stats
                WHERE schemaname = current_schema() AND tablename = 'transactions' AND attname = 'search_text'""")
                .execute().map(rows -> {
                    if (rows.size() == 0) {
                        return WordFrequencies.NONE;
                    }
                    Row r = rows.iterator().next();
                    return new WordFrequencies(List.of(r.getArrayOfStrings(0)), List.of(r.getArrayOfFloats(1)),
                            List.of(r.getArrayOfStrings(2)), r.getFloat(3));
                });
    }

    public Uni<LedgerTransaction> find(UUID companyId, UUID id) {
        return pool.preparedQuery(COLUMNS + "FROM transactions t WHERE t.id = $1 AND t.company_id = $2")
                .execute(Tuple.of(id, companyId)).map(TransactionQueryRepository::first);
    }

    /** Sets what the request names (a null value clears); returns the row, or null if the company has no such id. */
    public Uni<LedgerTransaction> patch(UUID companyId, UUID id, boolean setNotes, String notes, boolean setCategory,
            UUID categoryId) {
        return pool.preparedQuery(PATCH)
                .execute(Tuple.of(id, companyId, setNotes, notes, setCategory, categoryId))
                .map(TransactionQueryRepository::first);
    }

    /** Categorizes the company's rows among {@code ids}; returns how many. Runs in the caller's transaction. */
    public Uni<Integer> categorize(SqlClient client, UUID companyId, UUID[] ids, UUID categoryId) {
        return client.preparedQuery(CATEGORIZE).execute(Tuple.of(companyId, ids, categoryId)).map(RowSet::rowCount);
    }

    /** The company's rows among {@code ids}, locked for a change of their transfer pairing. */
    public Uni<List<LedgerTransaction>> lock(SqlClient client, UUID companyId, UUID[] ids) {
        return client.preparedQuery(COLUMNS + "FROM transactions t WHERE t.company_id = $1 AND t.id = ANY($2) "
                + "ORDER BY t.id FOR UPDATE").execute(Tuple.of(companyId, ids)).map(TransactionQueryRepository::read);
    }

    /** Pairs the rows as one transfer, chosen by the user. */
    public Uni<Integer> pair(SqlClient client, UUID companyId, UUID[] ids) {
        return client.preparedQuery("UPDATE transactions SET transfer_id = $3, "
                + "transfer_source = 'user', transfer_blocked = false, updated_at = now() "
                + "WHERE company_id = $1 AND id = ANY($2)")
                .execute(Tuple.of(companyId, ids, UUID.randomUUID())).map(RowSet::rowCount);
    }

    /** Undoes a transfer: both sides become ordinary transactions and are never paired again by themselves. */
    public Uni<Integer> unpair(SqlClient client, UUID companyId, UUID transferId) {
        return client.preparedQuery("UPDATE transactions SET transfer_id = NULL, transfer_source = NULL, "
                + "transfer_blocked = true, updated_at = now() WHERE company_id = $1 AND transfer_id = $2")
                .execute(Tuple.of(companyId, transferId)).map(RowSet::rowCount);
    }

    /** Undoes the transfer and returns its two sides as they now are. */
    public Uni<List<LedgerTransaction>> unpairedSides(SqlClient client, UUID companyId, UUID transferId) {
        return client.preparedQuery("UPDATE transactions t SET transfer_id = NULL, transfer_source = NULL, "
                + "transfer_blocked = true, updated_at = now() WHERE t.company_id = $1 AND t.transfer_id = $2 "
                + RETURNING)
                .execute(Tuple.of(companyId, transferId)).map(TransactionQueryRepository::read);
    }

    /** The other side of a transfer, or null. */
    public Uni<UUID> counterpart(UUID companyId, UUID transferId, UUID id) {
        return pool.preparedQuery("SELECT id FROM transactions WHERE company_id = $1 AND transfer_id = $2 "
                + "AND id <> $3 LIMIT 1").execute(Tuple.of(companyId, transferId, id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("id"));
    }

    /** The Pluggy ids the ledger recognised as earlier versions of this transaction. */
    public Uni<List<Replacement>> replacements(UUID companyId, UUID id) {
        return pool.preparedQuery("""
                SELECT replaced_pluggy_transaction_id, pluggy_transaction_id, amount_difference, days_apart,
                       description_similarity, linked_at
                FROM transaction_replacements WHERE company_id = $1 AND transaction_id = $2 ORDER BY linked_at""")
                .execute(Tuple.of(companyId, id)).map(rows -> {
                    List<Replacement> result = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        result.add(new Replacement(r.getString("replaced_pluggy_transaction_id"),
                                r.getString("pluggy_transaction_id"), r.getBigDecimal("amount_difference"),
                                r.getInteger("days_apart"), r.getFloat("description_similarity"),
                                instant(r.getOffsetDateTime("linked_at"))));
                    }
                    return result;
                });
    }

    /** A link the ledger made: {@code replacedPluggyTransactionId} was re-id'd as {@code pluggyTransactionId}. */
    public record Replacement(String replacedPluggyTransactionId, String pluggyTransactionId,
            java.math.BigDecimal amountDifference, int daysApart, float descriptionSimilarity,
            java.time.Instant linkedAt) {
    }

    private static LedgerTransaction first(RowSet<Row> rows) {
        List<LedgerTransaction> all = read(rows);
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * Reads rows of {@link #COLUMNS} or {@link #RETURNING} (the same 25 columns in the same order) by position: a
     * lookup by name scans the column names, 25 times per row.
     */
    private static List<LedgerTransaction> read(RowSet<Row> rows) {
        List<LedgerTransaction> result = new ArrayList<>(rows.size());
        for (Row r : rows) {
            result.add(new LedgerTransaction(r.getUUID(0), r.getString(1), r.getUUID(2), r.getString(3),
                    r.getString(4), r.getString(5), r.getBigDecimal(6), r.getBigDecimal(7), r.getBigDecimal(8),
                    r.getString(9), instant(r, 10), r.getUUID(11), r.getString(12), r.getString(13), r.getString(14),
                    r.getString(15), r.getString(16), r.getString(17), r.getString(18), r.getString(19),
                    r.getUUID(20), r.getUUID(21), r.getString(22), instant(r, 23), instant(r, 24)));
        }
        return result;
    }

    private static java.time.Instant instant(Row row, int column) {
        return instant(row.getOffsetDateTime(column));
    }

    private static java.time.Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static java.time.Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
