package io.financehub.gateway.messaging;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.financehub.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes the outbox to Kafka: right after a commit (kick) and on a timer for whatever a kick missed. Rows are
 * claimed with FOR UPDATE SKIP LOCKED, so several replicas never publish the same row at once, sent in creation
 * order, and deleted in the same transaction once Kafka acknowledged them all. A failure rolls the claim back and
 * the next run retries: delivery is at least once, and consumers dedupe on the envelope id.
 *
 * <p>Plain reactive SQL rather than Panache: this is a set-based hot path (claim a batch, delete a batch).
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "companies-out";

    private static final String CLAIM = """
            SELECT id, topic, record_key, payload FROM outbox
            ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED""";
    private static final String DELETE = "DELETE FROM outbox WHERE id = ANY($1)";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final Vertx vertx;
    private final GatewayConfig.Outbox config;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private long timer = -1;

    OutboxRelay(Pool pool, @Channel(CHANNEL) MutinyEmitter<String> emitter, Vertx vertx, GatewayConfig config) {
        this.pool = pool;
        this.emitter = emitter;
        this.vertx = vertx;
        this.config = config.outbox();
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> kick());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Publishes what is pending now; returns at once. A kick during a run makes the run go round once more. */
    public void kick() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        publishBatch().subscribe().with(published -> finish(published >= config.batchSize()), failure -> {
            Log.warnf("Outbox relay could not publish, will retry: %s", failure.toString());
            finish(false);
        });
    }

    private void finish(boolean more) {
        running.set(false);
        if (more || again.get()) {
            kick();
        }
    }

    Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(row -> send(row).replaceWith(row.getUUID("id")))
                        .collect().asList())
                .chain(ids -> delete(connection, ids)));
    }

    private Uni<Integer> delete(io.vertx.mutiny.sqlclient.SqlConnection connection, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return connection.preparedQuery(DELETE).execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(result -> ids.size());
    }

    private Uni<Void> send(Row row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("record_key"))
                .build();
        return emitter.sendMessage(Message.of(row.getString("payload")).addMetadata(metadata));
    }
}
