package io.financehub.webhook.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.webhook.DeliveryStatus;
import io.financehub.webhook.service.PluggyWebhookParser.Parsed;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The intake's one write, on the reactive SQL client rather than Panache: it is the hot path, and a single
 * statement with data-modifying CTEs stores the event and its outbox row atomically in one round trip (a statement
 * is its own transaction), where a session would need BEGIN, two INSERTs and COMMIT.
 */
@ApplicationScoped
public class IntakeWriter {

    /**
     * Unique event_id plus ON CONFLICT DO NOTHING makes concurrent deliveries of one eventId store one row: the
     * losers wait on the index entry and then insert nothing, and their outbox INSERT selects from an empty set.
     * A missing company is taken from an earlier event of the same item (Pluggy leaves clientUserId out of some
     * events, e.g. transactions/*), so an admin's audit sees all of their items' events.
     */
    private static final String STORE = """
            WITH event AS (
                INSERT INTO webhook_events (id, event_id, event, item_id, client_user_id, company_id, body, status,
                                            received_at)
                VALUES ($1, $2, $3, $4, $5,
                        COALESCE($6, (SELECT company_id FROM webhook_events
                                      WHERE item_id = $4 AND company_id IS NOT NULL LIMIT 1)),
                        $7, $8, $9)
                ON CONFLICT (event_id) DO NOTHING
                RETURNING id),
            queued AS (
                INSERT INTO webhook_outbox (id, webhook_event_id, created_at, next_attempt_at)
                SELECT $10, id, $9, $9 FROM event WHERE $8 = 'PENDING'
                RETURNING id)
            SELECT (SELECT count(*) FROM event) AS stored, (SELECT count(*) FROM queued) AS queued
            """;

    private final Pool pool;

    IntakeWriter(Pool pool) {
        this.pool = pool;
    }

    /** @return whether the event was new (false: its eventId was already stored, nothing was written) */
    public Uni<Boolean> store(Parsed webhook, Instant receivedAt) {
        DeliveryStatus status = webhook.forwarded() ? DeliveryStatus.PENDING : DeliveryStatus.IGNORED;
        Tuple row = Tuple.tuple()
                .addUUID(UUID.randomUUID())
                .addString(webhook.eventId())
                .addString(webhook.event())
                .addString(webhook.itemId())
                .addString(webhook.clientUserId())
                .addUUID(webhook.companyId())
                .addString(webhook.body())
                .addString(status.name())
                .addOffsetDateTime(receivedAt.atOffset(ZoneOffset.UTC))
                .addUUID(UUID.randomUUID());
        return pool.preparedQuery(STORE).execute(row)
                .map(rows -> rows.iterator().next().getLong("stored") == 1L);
    }
}
