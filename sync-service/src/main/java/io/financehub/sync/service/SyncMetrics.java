package io.financehub.sync.service;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.pluggy.PluggyApiException;
import io.financehub.pluggy.PluggyUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/**
 * sync-service's own meters (Prometheus names): {@code sync_runs_total{outcome}}, {@code sync_run_seconds},
 * {@code sync_pages_total}, {@code sync_transactions_total}, {@code sync_transactions_deleted_total} (per-second
 * rates come from {@code rate()}), {@code sync_pluggy_request_seconds{endpoint,outcome}} and
 * {@code sync_pluggy_errors_total{endpoint,code}}. Consumer lag is the Kafka client's own
 * {@code kafka_consumer_fetch_manager_records_lag_max}, exported by the Micrometer Kafka binder.
 */
@ApplicationScoped
public class SyncMetrics {

    private final MeterRegistry registry;
    private final Counter pages;
    private final Counter transactions;
    private final Counter deleted;

    SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.pages = Counter.builder("sync.pages").description("Transaction pages fetched from Pluggy and published")
                .register(registry);
        this.transactions = Counter.builder("sync.transactions")
                .description("Transactions published as upserts").register(registry);
        this.deleted = Counter.builder("sync.transactions.deleted")
                .description("Transaction ids published as deletions").register(registry);
    }

    public void page(int transactionCount) {
        pages.increment();
        transactions.increment(transactionCount);
    }

    public void deletions(int count) {
        deleted.increment(count);
    }

    /** outcome: succeeded, failed, needs_user_action, covered, duplicate, dead_lettered. */
    public void run(String outcome, long nanos) {
        Counter.builder("sync.runs").description("Sync requests by how they ended").tag("outcome", outcome)
                .register(registry).increment();
        if (nanos > 0) {
            Timer.builder("sync.run").description("Duration of sync runs").tag("outcome", outcome)
                    .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Times a call to Pluggy and counts its failures by code (HTTP status, or how the call did not get through). */
    public <T> Uni<T> pluggy(String endpoint, Uni<T> call) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return call.onItemOrFailure().invoke((item, failure) -> {
                String outcome = failure == null ? "success" : "error";
                Timer.builder("sync.pluggy.request").description("Latency of Pluggy calls, retries included")
                        .tag("endpoint", endpoint).tag("outcome", outcome).register(registry)
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                if (failure != null) {
                    Counter.builder("sync.pluggy.errors").description("Pluggy calls that failed, by code")
                            .tag("endpoint", endpoint).tag("code", code(failure)).register(registry).increment();
                }
            });
        });
    }

    private static String code(Throwable failure) {
        if (failure instanceof PluggyApiException api) {
            return Integer.toString(api.status());
        }
        if (failure instanceof PluggyUnavailableException unavailable) {
            return unavailable.notSent() ? "unavailable" : "timeout";
        }
        return "other";
    }
}
