package io.financehub.sync.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The paging hot path's state: account cursors, the ids published per account, and the run's counters.
 *
 * <p>This leaves Panache on purpose: a page of 500 transactions is written as one set-based statement over arrays
 * (unnest), together with the cursor and the counters, in one short transaction on the reactive SQL client. An
 * entity per transaction would cost 500 round trips per page.
 */
@ApplicationScoped
public class ScanStateRepository {

    /** An account's saved sync position. */
    public record Cursor(String accountId, Instant createdAtMark, UUID lastRunId, UUID scanId, UUID scanRunId,
            String scanFilter, String scanPhase, String scanAfter, Instant scanMaxCreatedAt) {

        public boolean scanInProgress() {
            return scanId != null;
        }
    }

    /**
     * Which known transactions a scan answers for: those created at or after {@code createdFrom}, or dated in
     * [{@code dateFrom}, {@code dateToExclusive}); all null: every transaction of the account.
     */
    public record Scope(Instant createdFrom, Instant dateFrom, Instant dateToExclusive) {
        public static final Scope ALL = new Scope(null, null, null);
    }

    /** One published page: its ids, dates and createdAt, and where the scan goes next ({@code null}: it is done). */
    public record DeliveredPage(UUID runId, String accountId, UUID scanId, List<String> ids, List<Instant> dates,
            List<Instant> createdAts, String nextCursor, Instant maxCreatedAt) {
    }

    private final Pool pool;

    ScanStateRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Cursor> cursor(String accountId) {
        return pool.preparedQuery("""
                SELECT pluggy_account_id, created_at_mark, last_run_id, scan_id, scan_run_id, scan_filter, scan_phase,
                       scan_after, scan_max_created_at
                FROM account_cursors WHERE pluggy_account_id = $1""")
                .execute(Tuple.of(accountId))
                .map(rows -> rows.size() == 0 ? null : cursor(rows.iterator().next()));
    }

    /** Starts a new scan of the account: forgets any unfinished one, keeps the high-water mark. */
    public Uni<Void> beginScan(String accountId, String itemId, UUID scanId, UUID runId, String filter) {
        return pool.preparedQuery("""
                INSERT INTO account_cursors (pluggy_account_id, pluggy_item_id, scan_id, scan_run_id, scan_filter,
                                             scan_phase, scan_after, scan_max_created_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, 'FETCHING', NULL, NULL, now())
                ON CONFLICT (pluggy_account_id) DO UPDATE SET pluggy_item_id = excluded.pluggy_item_id,
                    scan_id = excluded.scan_id, scan_run_id = excluded.scan_run_id, scan_filter = excluded.scan_filter,
                    scan_phase = 'FETCHING', scan_after = NULL, scan_max_created_at = NULL, updated_at = now()""")
                .execute(Tuple.tuple().addString(accountId).addString(itemId).addUUID(scanId).addUUID(runId)
                        .addString(filter))
                .replaceWithVoid();
    }

    /** Adopts an unfinished scan of an earlier attempt or run: its later batches count for {@code runId}. */
    public Uni<Void> adoptScan(String accountId, UUID scanId, UUID runId) {
        return pool.preparedQuery(
                "UPDATE account_cursors SET scan_run_id = $3, updated_at = now() WHERE pluggy_account_id = $1 AND scan_id = $2")
                .execute(Tuple.of(accountId, scanId, runId))
                .replaceWithVoid();
    }

    /**
     * Records a page Kafka has acknowledged, in one transaction: its ids as seen by this scan, the cursor of the next
     * page, and the run's counters. A crash before this commits means the page is fetched and published again.
     */
    public Uni<Void> pageDelivered(DeliveredPage page) {
        return pool.withTransaction(conn -> rememberIds(conn, page)
                .chain(() -> conn.preparedQuery("""
                        UPDATE account_cursors SET scan_after = $3::text,
                            scan_phase = CASE WHEN $3::text IS NULL THEN 'DELETING' ELSE 'FETCHING' END,
                            scan_max_created_at = CASE WHEN $4::timestamptz IS NULL THEN scan_max_created_at
                                ELSE greatest(scan_max_created_at, $4::timestamptz) END,
                            updated_at = now()
                        WHERE pluggy_account_id = $1 AND scan_id = $2::uuid""")
                        .execute(Tuple.tuple().addString(page.accountId()).addUUID(page.scanId())
                                .addString(page.nextCursor()).addOffsetDateTime(utc(page.maxCreatedAt()))))
                .chain(() -> conn.preparedQuery("""
                        UPDATE sync_runs SET pages = pages + 1, transactions_seen = transactions_seen + $2,
                            updated_at = now() WHERE id = $1""")
                        .execute(Tuple.of(page.runId(), page.ids().size())))
                .replaceWithVoid());
    }

    private static Uni<Void> rememberIds(SqlConnection conn, DeliveredPage page) {
        if (page.ids().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = page.ids().size();
        String[] ids = page.ids().toArray(String[]::new);
        OffsetDateTime[] dates = new OffsetDateTime[n];
        OffsetDateTime[] created = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            dates[i] = utc(page.dates().get(i));
            created[i] = utc(page.createdAts().get(i));
        }
        return conn.preparedQuery("""
                INSERT INTO known_transactions (pluggy_account_id, id, tx_date, created_at, scan_id)
                SELECT $1, t.id, t.tx_date, t.created_at, $2
                FROM unnest($3::text[], $4::timestamptz[], $5::timestamptz[]) AS t(id, tx_date, created_at)
                ON CONFLICT (pluggy_account_id, id) DO UPDATE SET tx_date = excluded.tx_date,
                    created_at = excluded.created_at, scan_id = excluded.scan_id""")
                .execute(Tuple.tuple().addString(page.accountId()).addUUID(page.scanId()).addArrayOfString(ids)
                        .addArrayOfOffsetDateTime(dates).addArrayOfOffsetDateTime(created))
                .replaceWithVoid();
    }

    /**
     * Up to {@code limit} ids published for the account, inside the scope, that this scan did not see: Pluggy no
     * longer has them. Keyset-paged by id, so memory stays flat however many vanished.
     */
    public Uni<List<String>> vanished(String accountId, UUID scanId, Scope scope, String afterId, int limit) {
        return pool.preparedQuery("""
                SELECT id FROM known_transactions
                WHERE pluggy_account_id = $1 AND scan_id <> $2 AND id > $3
                  AND ($4::timestamptz IS NULL OR created_at >= $4::timestamptz)
                  AND ($5::timestamptz IS NULL OR tx_date >= $5::timestamptz)
                  AND ($6::timestamptz IS NULL OR tx_date < $6::timestamptz)
                ORDER BY id LIMIT $7""")
                .execute(Tuple.tuple().addString(accountId).addUUID(scanId).addString(afterId == null ? "" : afterId)
                        .addOffsetDateTime(utc(scope.createdFrom())).addOffsetDateTime(utc(scope.dateFrom()))
                        .addOffsetDateTime(utc(scope.dateToExclusive())).addInteger(limit))
                .map(rows -> {
                    List<String> ids = new ArrayList<>(rows.size());
                    rows.forEach(row -> ids.add(row.getString(0)));
                    return ids;
                });
    }

    /** Forgets ids whose deletion Kafka has acknowledged, and counts them for the run. */
    public Uni<Void> deletionsDelivered(UUID runId, String accountId, List<String> ids) {
        return pool.withTransaction(conn -> conn.preparedQuery(
                "DELETE FROM known_transactions WHERE pluggy_account_id = $1 AND id = ANY($2::text[])")
                .execute(Tuple.tuple().addString(accountId).addArrayOfString(ids.toArray(String[]::new)))
                .chain(() -> conn.preparedQuery("""
                        UPDATE sync_runs SET transactions_deleted = transactions_deleted + $2, updated_at = now()
                        WHERE id = $1""").execute(Tuple.of(runId, ids.size())))
                .replaceWithVoid());
    }

    /**
     * Ends the scan. With {@code advanceMark} the high-water mark moves to the newest createdAt the scan saw (never
     * back); a window scan leaves it, since it did not look at everything created since.
     */
    public Uni<Void> completeScan(String accountId, UUID scanId, UUID runId, boolean advanceMark) {
        return pool.preparedQuery("""
                UPDATE account_cursors SET
                    created_at_mark = CASE WHEN $4::boolean AND scan_max_created_at IS NOT NULL
                        THEN greatest(created_at_mark, scan_max_created_at) ELSE created_at_mark END,
                    last_run_id = $3, scan_id = NULL, scan_run_id = NULL, scan_filter = NULL, scan_phase = NULL,
                    scan_after = NULL, scan_max_created_at = NULL, updated_at = now()
                WHERE pluggy_account_id = $1 AND scan_id = $2""")
                .execute(Tuple.tuple().addString(accountId).addUUID(scanId).addUUID(runId).addBoolean(advanceMark))
                .replaceWithVoid();
    }

    /** Which of the item's accounts each of these transaction ids was published under (unknown ids are absent). */
    public Uni<List<KnownId>> locate(String itemId, List<String> ids) {
        return pool.preparedQuery("""
                SELECT k.pluggy_account_id, k.id FROM known_transactions k
                WHERE k.pluggy_account_id IN (SELECT pluggy_account_id FROM account_cursors WHERE pluggy_item_id = $1)
                  AND k.id = ANY($2::text[])""")
                .execute(Tuple.tuple().addString(itemId).addArrayOfString(ids.toArray(String[]::new)))
                .map(rows -> {
                    List<KnownId> found = new ArrayList<>(rows.size());
                    rows.forEach(row -> found.add(new KnownId(row.getString(0), row.getString(1))));
                    return found;
                });
    }

    public record KnownId(String accountId, String id) {
    }

    private static Cursor cursor(Row row) {
        return new Cursor(row.getString("pluggy_account_id"), instant(row.getOffsetDateTime("created_at_mark")),
                row.getUUID("last_run_id"), row.getUUID("scan_id"), row.getUUID("scan_run_id"),
                row.getString("scan_filter"), row.getString("scan_phase"), row.getString("scan_after"),
                instant(row.getOffsetDateTime("scan_max_created_at")));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }
}
