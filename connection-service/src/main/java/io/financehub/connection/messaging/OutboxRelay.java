package io.financehub.connection.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.financehub.connection.config.ConnectionConfig;
import io.financehub.contracts.Topics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes the outbox to Kafka, oldest first. The hot path of the service's messaging, so it uses the reactive SQL
 * client with set-based statements rather than entities.
 *
 * <p>One relay pass runs at a time across all replicas (a transaction-scoped advisory lock), which keeps the
 * outbox's order on each topic; a pass stops at the first send that fails, so nothing overtakes an unsent event.
 * When Kafka is down the rows simply stay pending and the next pass, every second, tries again.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Arbitrary constant: the advisory lock that elects the relaying replica. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    private static final Duration PUBLISHED_POLL = Duration.ofMillis(50);

    private final Pool pool;
    private final MutinyEmitter<String> syncRequests;
    private final MutinyEmitter<String> accounts;
    private final int batchSize;

    OutboxRelay(Pool pool, @Channel(Channels.SYNC_REQUESTS_OUT) MutinyEmitter<String> syncRequests,
            @Channel(Channels.ACCOUNTS_OUT) MutinyEmitter<String> accounts, ConnectionConfig config) {
        this.pool = pool;
        this.syncRequests = syncRequests;
        this.accounts = accounts;
        this.batchSize = config.outbox().batchSize();
    }

    @Scheduled(every = "${connection.outbox.poll-every:1s}", skipExecutionIf = UntilStarted.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return drain().onFailure().invoke(e -> Log.warnf("Outbox relay pass failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Relays until the outbox is empty, a send fails, or another replica holds the relay. */
    public Uni<Void> drain() {
        return pass().chain(sent -> sent >= batchSize ? drain() : Uni.createFrom().voidItem());
    }

    /**
     * Waits up to {@code wait} for these events to reach Kafka, relaying meanwhile. True if all did: the caller can
     * answer "published"; otherwise they are safe in the outbox and will follow.
     */
    public Uni<Boolean> awaitPublished(Collection<UUID> ids, Duration wait) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(true);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        return awaitPublished(ids.toArray(UUID[]::new), deadline);
    }

    private Uni<Boolean> awaitPublished(UUID[] ids, long deadline) {
        return drain().onFailure().recoverWithNull()
                .chain(() -> pool.preparedQuery("SELECT count(*) FROM outbox WHERE id = ANY($1) AND published_at IS NULL")
                        .execute(Tuple.of(ids)))
                .chain(rows -> {
                    if (rows.iterator().next().getLong(0) == 0) {
                        return Uni.createFrom().item(true);
                    }
                    if (System.nanoTime() + PUBLISHED_POLL.toNanos() > deadline) {
                        return Uni.createFrom().item(false);
                    }
                    return Uni.createFrom().voidItem().onItem().delayIt().by(PUBLISHED_POLL)
                            .chain(() -> awaitPublished(ids, deadline));
                })
                .ifNoItem().after(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()) + 200_000_000L))
                .recoverWithItem(false);
    }

    private Uni<Integer> pass() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .chain(locked -> locked.iterator().next().getBoolean(0) ? relay(connection) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> relay(SqlConnection connection) {
        return connection.preparedQuery("SELECT id, topic, message_key, envelope FROM outbox"
                + " WHERE published_at IS NULL ORDER BY seq LIMIT $1")
                .execute(Tuple.of(batchSize))
                .chain(rows -> {
                    List<Row> pending = new ArrayList<>();
                    rows.forEach(pending::add);
                    return sendInOrder(pending, 0, new ArrayList<>());
                })
                .chain(sent -> sent.isEmpty() ? Uni.createFrom().item(0)
                        : connection.preparedQuery("UPDATE outbox SET published_at = now() WHERE id = ANY($1)")
                                .execute(Tuple.of(sent.toArray(UUID[]::new)))
                                .replaceWith(sent.size()));
    }

    private Uni<List<UUID>> sendInOrder(List<Row> pending, int index, List<UUID> sent) {
        if (index == pending.size()) {
            return Uni.createFrom().item(sent);
        }
        Row row = pending.get(index);
        UUID id = row.getUUID("id");
        return send(row.getString("topic"), row.getString("message_key"), row.getString("envelope"))
                .onItem().transformToUni(done -> {
                    sent.add(id);
                    return sendInOrder(pending, index + 1, sent);
                })
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Kafka did not take event %s (%s); it stays in the outbox", id, failure.getMessage());
                    return sent;
                });
    }

    private Uni<Void> send(String topic, String key, String envelope) {
        MutinyEmitter<String> emitter = switch (topic) {
            case Topics.SYNC_REQUESTS -> syncRequests;
            case Topics.ACCOUNTS -> accounts;
            default -> throw new IllegalStateException("No channel for topic " + topic);
        };
        return emitter.sendMessage(Message.of(envelope)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()));
    }

    /** Holds the poller back until the application (and so the Kafka channels) has started. */
    @Singleton
    public static class UntilStarted implements Scheduled.SkipPredicate {

        private volatile boolean started;

        void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent start) {
            started = true;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !started;
        }
    }

    /** Unpublished events, for health and tests. */
    public Uni<Long> pendingCount() {
        return pool.query("SELECT count(*) FROM outbox WHERE published_at IS NULL").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
