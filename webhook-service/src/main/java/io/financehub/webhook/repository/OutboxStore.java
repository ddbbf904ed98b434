package io.financehub.webhook.repository;

import java.time.Duration;
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
 * The outbox relay's SQL, on the reactive SQL client: claiming, marking and pruning are set-based statements over
 * a batch of rows, the relay's hot path. The relay owns the transaction and passes its connection in.
 */
@ApplicationScoped
public class OutboxStore {

    /**
     * Due rows, oldest first, locked for this transaction. SKIP LOCKED lets every replica's relay claim a disjoint
     * batch instead of waiting for (and then republishing) another's.
     */
    private static final String CLAIM = """
            SELECT o.id, o.created_at, e.event_id, e.event, e.item_id, e.company_id, e.body, e.received_at
            FROM webhook_outbox o JOIN webhook_events e ON e.id = o.webhook_event_id
            WHERE o.published_at IS NULL AND o.next_attempt_at <= clock_timestamp()
            ORDER BY o.created_at
            LIMIT $1
            FOR UPDATE OF o SKIP LOCKED
            """;

    private static final String MARK_PUBLISHED = """
            WITH done AS (
                UPDATE webhook_outbox SET published_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL
                WHERE id = ANY($1)
                RETURNING webhook_event_id, published_at)
            UPDATE webhook_events e
            SET status = 'PUBLISHED', published_at = done.published_at, attempts = e.attempts + 1, last_error = NULL
            FROM done WHERE e.id = done.webhook_event_id
            """;

    /** Exponential backoff per row: initial × 2^attempts, capped. */
    private static final String MARK_FAILED = """
            WITH failed AS (
                UPDATE webhook_outbox o
                SET attempts = o.attempts + 1, last_error = f.error,
                    next_attempt_at = clock_timestamp()
                        + make_interval(secs => least($3 * power(2, least(o.attempts, 30)), $4))
                FROM unnest($1::uuid[], $2::text[]) AS f(id, error)
                WHERE o.id = f.id
                RETURNING o.webhook_event_id, f.error)
            UPDATE webhook_events e SET attempts = e.attempts + 1, last_error = failed.error
            FROM failed WHERE e.id = failed.webhook_event_id
            """;

    private static final String BACKLOG = """
            SELECT count(*) AS rows, min(created_at) AS oldest FROM webhook_outbox WHERE published_at IS NULL
            """;

    private static final String PRUNE = """
            DELETE FROM webhook_outbox WHERE id IN (
                SELECT id FROM webhook_outbox WHERE published_at < $1 LIMIT $2)
            """;

    private final Pool pool;

    OutboxStore(Pool pool) {
        this.pool = pool;
    }

    /** A claimed row and what the Kafka record is built from. */
    public record Claimed(UUID id, Instant createdAt, String eventId, String event, String itemId, UUID companyId,
            String body, Instant receivedAt) {
    }

    public record Failure(UUID id, String error) {
    }

    public record Backlog(long rows, Instant oldest) {
    }

    public Uni<List<Claimed>> claim(SqlConnection tx, int limit) {
        return tx.preparedQuery(CLAIM).execute(Tuple.of(limit)).map(rows -> {
            List<Claimed> claimed = new ArrayList<>(rows.size());
            for (Row row : rows) {
                claimed.add(new Claimed(row.getUUID("id"), instant(row, "created_at"), row.getString("event_id"),
                        row.getString("event"), row.getString("item_id"), row.getUUID("company_id"),
                        row.getString("body"), instant(row, "received_at")));
            }
            return claimed;
        });
    }

    public Uni<Void> markPublished(SqlConnection tx, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(ids.toArray(UUID[]::new))).replaceWithVoid();
    }

    public Uni<Void> markFailed(SqlConnection tx, List<Failure> failures, Duration initialBackoff,
            Duration maxBackoff) {
        if (failures.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple args = Tuple.of(
                failures.stream().map(Failure::id).toArray(UUID[]::new),
                failures.stream().map(Failure::error).toArray(String[]::new),
                initialBackoff.toMillis() / 1000.0,
                maxBackoff.toMillis() / 1000.0);
        return tx.preparedQuery(MARK_FAILED).execute(args).replaceWithVoid();
    }

    public Uni<Backlog> backlog() {
        return pool.query(BACKLOG).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new Backlog(row.getLong("rows"), instant(row, "oldest"));
        });
    }

    /** Deletes up to {@code limit} rows published before {@code cutoff}; returns how many. */
    public Uni<Integer> prune(Instant cutoff, int limit) {
        return pool.preparedQuery(PRUNE).execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC), limit))
                .map(rows -> rows.rowCount());
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
