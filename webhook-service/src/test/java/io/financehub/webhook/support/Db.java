package io.financehub.webhook.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Direct reads of the service's tables, to assert what was (not) stored. */
public final class Db {

    private final Pool pool;

    public Db(Pool pool) {
        this.pool = pool;
    }

    public List<Row> rows(String sql, Object... args) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        return rows;
    }

    public long count(String sql, Object... args) {
        return rows(sql, args).get(0).getLong(0);
    }

    public Row event(String eventId) {
        List<Row> rows = rows("SELECT * FROM webhook_events WHERE event_id = $1", eventId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public long eventRows(String eventId) {
        return count("SELECT count(*) FROM webhook_events WHERE event_id = $1", eventId);
    }

    public long outboxRows(String eventId) {
        return count("SELECT count(*) FROM webhook_outbox o JOIN webhook_events e ON e.id = o.webhook_event_id "
                + "WHERE e.event_id = $1", eventId);
    }

    /** Waits until the event's status is {@code status}; returns its row. */
    public Row awaitStatus(String eventId, String status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Row row = null;
        while (System.nanoTime() < deadline) {
            row = event(eventId);
            if (row != null && status.equals(row.getString("status"))) {
                return row;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Event " + eventId + " is " + (row == null ? "absent" : row.getString("status"))
                + ", not " + status + ", after " + timeout);
    }
}
