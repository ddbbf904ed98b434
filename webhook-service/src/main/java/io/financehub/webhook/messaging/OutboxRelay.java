package io.financehub.webhook.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.events.PluggyWebhookReceived;
import io.financehub.contracts.events.WebhookError;
import io.financehub.webhook.config.OutboxConfig;
import io.financehub.webhook.metrics.WebhookMetrics;
import io.financehub.webhook.repository.OutboxStore;
import io.financehub.webhook.repository.OutboxStore.Claimed;
import io.financehub.webhook.repository.OutboxStore.Failure;
import io.financehub.webhook.service.PluggyWebhookParser;
import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Moves accepted webhooks from the outbox to Kafka: claim a batch ({@code FOR UPDATE SKIP LOCKED}), publish every
 * row and wait for the acks, mark the acknowledged rows published and the others failed, commit. Runs when the
 * intake nudges it (so a webhook reaches Kafka within milliseconds) and on a periodic tick (rows of other replicas,
 * retries after backoff). While Kafka is down every attempt fails within the producer's delivery timeout, is
 * recorded (attempts, last_error) and retried; nothing is lost because nothing leaves the table unacknowledged.
 *
 * <p>A row is published twice only if the relay dies (or loses its database) between Kafka's ack and its commit;
 * the envelope id is the row's id, so consumers drop the copy.
 */
@ApplicationScoped
@RegisterForReflection(targets = { EventEnvelope.class, PluggyWebhookReceived.class, WebhookError.class })
public class OutboxRelay {

    private static final int MAX_ERROR_LENGTH = 500;

    /** What one transaction did. */
    public record BatchResult(int claimed, int published, int failed) {

        static final BatchResult NONE = new BatchResult(0, 0, 0);
    }

    /** The relay's knobs, separate from {@link OutboxConfig} so a relay can be built with others (tests do). */
    public record Settings(boolean enabled, int batchSize, Duration initialBackoff, Duration maxBackoff) {

        static Settings of(OutboxConfig config) {
            return new Settings(config.enabled(), config.batchSize(), config.initialBackoff(), config.maxBackoff());
        }
    }

    private record Outcome(UUID id, String error) {
    }

    private final Pool pool;
    private final OutboxStore store;
    private final OutboxPublisher publisher;
    private final PluggyWebhookParser parser;
    private final ObjectMapper json;
    private final WebhookMetrics metrics;
    private final Settings settings;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    @Inject
    OutboxRelay(Pool pool, OutboxStore store, OutboxPublisher publisher, PluggyWebhookParser parser,
            ObjectMapper json, WebhookMetrics metrics, OutboxConfig config) {
        this(pool, store, publisher, parser, json, metrics, Settings.of(config));
    }

    public OutboxRelay(Pool pool, OutboxStore store, OutboxPublisher publisher, PluggyWebhookParser parser,
            ObjectMapper json, WebhookMetrics metrics, Settings settings) {
        this.pool = pool;
        this.store = store;
        this.publisher = publisher;
        this.parser = parser;
        this.json = json;
        this.metrics = metrics;
        this.settings = settings;
    }

    @Scheduled(every = "${webhook.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        nudge();
        refreshBacklog();
    }

    /**
     * Asks for a drain soon; returns at once. Nudges while a drain runs are folded into one more pass, so a burst of
     * deliveries costs a few batches, not one transaction each.
     */
    public void nudge() {
        if (!settings.enabled()) {
            return;
        }
        requested.set(true);
        if (draining.compareAndSet(false, true)) {
            drain();
        }
    }

    private void drain() {
        requested.set(false);
        publishBatch().subscribe().with(result -> {
            if (result.failed() == 0 && (result.claimed() == settings.batchSize() || requested.get())) {
                drain();
                return;
            }
            draining.set(false);
            refreshBacklog();
            // A nudge that arrived between the check above and the reset would otherwise wait for the tick.
            if (result.failed() == 0 && requested.get() && draining.compareAndSet(false, true)) {
                drain();
            }
        }, failure -> {
            // The database is unreachable or refused the batch: nothing was marked, the tick tries again.
            Log.warnf("Outbox relay could not run a batch: %s", describe(failure));
            draining.set(false);
        });
    }

    /** Publishes batches until none is left or one fails; returns the rows published. */
    public Uni<Integer> drainAll() {
        return publishBatch()
                .repeat().whilst(result -> result.claimed() > 0 && result.failed() == 0)
                .collect().with(Collectors.summingInt(BatchResult::published));
    }

    /** One transaction: claim, publish, mark. */
    public Uni<BatchResult> publishBatch() {
        return pool.withTransaction(tx -> store.claim(tx, settings.batchSize())
                .flatMap(rows -> rows.isEmpty() ? Uni.createFrom().item(BatchResult.NONE) : publishAll(tx, rows)))
                .invoke(this::record);
    }

    private Uni<BatchResult> publishAll(SqlConnection tx, List<Claimed> rows) {
        List<Uni<Outcome>> sends = rows.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast().flatMap(outcomes -> {
            List<UUID> published = new ArrayList<>(outcomes.size());
            List<Failure> failed = new ArrayList<>();
            for (Outcome outcome : outcomes) {
                if (outcome.error() == null) {
                    published.add(outcome.id());
                } else {
                    failed.add(new Failure(outcome.id(), outcome.error()));
                }
            }
            BatchResult result = new BatchResult(rows.size(), published.size(), failed.size());
            return store.markPublished(tx, published)
                    .chain(() -> store.markFailed(tx, failed, settings.initialBackoff(), settings.maxBackoff()))
                    .replaceWith(result);
        });
    }

    /** Never fails: a row that cannot be published becomes an outcome with its error, recorded on the row. */
    private Uni<Outcome> send(Claimed row) {
        String envelope;
        try {
            envelope = envelopeOf(row);
        } catch (JsonProcessingException | IllegalStateException e) {
            return Uni.createFrom().item(new Outcome(row.id(), describe(e)));
        }
        return publisher.publish(keyOf(row), envelope)
                .map(ack -> {
                    metrics.publishedAfter(Duration.between(row.createdAt(), Instant.now()));
                    return new Outcome(row.id(), null);
                })
                .onFailure().recoverWithItem(failure -> new Outcome(row.id(), describe(failure)));
    }

    private String envelopeOf(Claimed row) throws JsonProcessingException {
        PluggyWebhookReceived payload = parser.toContract(row.body(), row.eventId(), row.event(), row.receivedAt());
        EventEnvelope<PluggyWebhookReceived> envelope = new EventEnvelope<>(row.id(), EventTypes.WEBHOOK_RECEIVED,
                EventEnvelope.CURRENT_VERSION, row.receivedAt(), row.companyId(), payload);
        return json.writeValueAsString(envelope);
    }

    /**
     * The item's id, so one item's events stay in order on one partition. Events without an item (e.g.
     * {@code connector/status_updated}) are keyed by their event name: stable, and in order among themselves.
     */
    static String keyOf(Claimed row) {
        return row.itemId() != null && !row.itemId().isBlank() ? row.itemId() : row.event();
    }

    private void record(BatchResult result) {
        if (result.published() > 0) {
            metrics.published(result.published());
        }
        if (result.failed() > 0) {
            metrics.publishFailed(result.failed());
            Log.warnf("Outbox relay: %d of %d rows not acknowledged by Kafka; they will be retried",
                    result.failed(), result.claimed());
        }
    }

    private void refreshBacklog() {
        store.backlog().subscribe().with(
                backlog -> metrics.backlog(backlog.rows(), backlog.oldest() == null ? Duration.ZERO
                        : Duration.between(backlog.oldest(), Instant.now())),
                failure -> Log.debugf("Outbox backlog not measured: %s", describe(failure)));
    }

    private static String describe(Throwable failure) {
        String text = failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
