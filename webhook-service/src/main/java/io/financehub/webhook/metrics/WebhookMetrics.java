package io.financehub.webhook.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.webhook.PluggyEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The service's own meters, named {@code webhook_<thing>_<unit>} in Prometheus. Event tags go through
 * {@link PluggyEvents#metricTag}, so a flood of invented event names cannot grow the series count.
 *
 * <ul>
 * <li>{@code webhook_events_received_total{event}}: every delivery that reached the endpoint, = accepted + duplicate
 * + rejected;</li>
 * <li>{@code webhook_events_accepted_total{event}}, {@code webhook_events_duplicate_total{event}},
 * {@code webhook_events_rejected_total{event,reason}};</li>
 * <li>{@code webhook_intake_latency_seconds{outcome}}: histogram of the time to answer a delivery;</li>
 * <li>{@code webhook_outbox_backlog_events} and {@code webhook_outbox_oldest_age_seconds}: what Kafka has not yet
 * acknowledged;</li>
 * <li>{@code webhook_outbox_published_total}, {@code webhook_outbox_failures_total},
 * {@code webhook_outbox_delay_seconds}: the relay's work and the time from acceptance to Kafka's ack.</li>
 * </ul>
 */
@ApplicationScoped
public class WebhookMetrics {

    private final MeterRegistry registry;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private final Timer delay;
    /** Meters by name and tags: looked up once, not rebuilt on every delivery. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("webhook.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by Kafka")
                .baseUnit("events")
                .register(registry);
        Gauge.builder("webhook.outbox.oldest.age", oldestAgeMillis, millis -> millis.get() / 1000.0)
                .description("Age of the oldest outbox row not yet acknowledged by Kafka, 0 when none")
                .baseUnit("seconds")
                .register(registry);
        this.published = Counter.builder("webhook.outbox.published")
                .description("Outbox rows acknowledged by Kafka").register(registry);
        this.failures = Counter.builder("webhook.outbox.failures")
                .description("Failed attempts to publish an outbox row").register(registry);
        this.delay = Timer.builder("webhook.outbox.delay")
                .description("Time from acceptance (or replay) to Kafka's acknowledgement")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
    }

    public void accepted(String event, long startNanos) {
        count("webhook.events.accepted", event);
        finished(event, "accepted", startNanos);
    }

    public void duplicate(String event, long startNanos) {
        count("webhook.events.duplicate", event);
        finished(event, "duplicate", startNanos);
    }

    /** @param event the normalised event when it was known, else null */
    public void rejected(String event, String reason, long startNanos) {
        String tag = PluggyEvents.metricTag(event);
        counters.computeIfAbsent("rejected|" + tag + "|" + reason, key -> Counter.builder("webhook.events.rejected")
                .description("Deliveries refused: bad signature, oversized, malformed")
                .tag("event", tag)
                .tag("reason", reason)
                .register(registry)).increment();
        finished(event, "rejected", startNanos);
    }

    public void published(int rows) {
        published.increment(rows);
    }

    public void publishFailed(int rows) {
        failures.increment(rows);
    }

    public void publishedAfter(Duration sinceAccepted) {
        delay.record(sinceAccepted.isNegative() ? Duration.ZERO : sinceAccepted);
    }

    public void backlog(long rows, Duration oldestAge) {
        backlog.set(rows);
        oldestAgeMillis.set(oldestAge.toMillis());
    }

    public long backlog() {
        return backlog.get();
    }

    public Duration oldestAge() {
        return Duration.ofMillis(oldestAgeMillis.get());
    }

    private void finished(String event, String outcome, long startNanos) {
        count("webhook.events.received", event);
        latencies.computeIfAbsent(outcome, key -> Timer.builder("webhook.intake.latency")
                .description("Time from the delivery's body being read to the answer")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                        Duration.ofMillis(50))
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry))
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private void count(String name, String event) {
        String tag = PluggyEvents.metricTag(event);
        counters.computeIfAbsent(name + "|" + tag, key -> Counter.builder(name).tag("event", tag).register(registry))
                .increment();
    }
}
