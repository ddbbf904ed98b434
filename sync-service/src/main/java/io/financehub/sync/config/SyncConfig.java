package io.financehub.sync.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How sync-service syncs. The consumer's parallelism is the channel's {@code concurrency}
 * ({@code SYNC_CONCURRENCY}), set in application.properties beside the rest of the Kafka settings.
 */
@ConfigMapping(prefix = "sync")
public interface SyncConfig {

    /**
     * An incremental sync asks Pluggy for what was created since the account's high-water mark minus this, so
     * backdated postings, late changes and pending→posted transactions inside it are fetched again.
     */
    @WithDefault("P7D")
    Duration overlap();

    /** Most transactions in one published batch (capped at TransactionBatch.MAX_BATCH_SIZE). */
    @WithDefault("500")
    int batchSize();

    /** Pages fetched ahead of the one being published (each ~0.5 MB in memory while it waits). */
    @WithDefault("2")
    int prefetchPages();

    /** Page size asked of the deprecated page-numbered API, the fallback when /v2/transactions is gone. */
    @WithDefault("500")
    int legacyPageSize();

    /** Longest one attempt of a run may take before it is abandoned (its progress is kept and resumed). */
    @WithDefault("PT30M")
    Duration attemptTimeout();

    Updating updating();

    Retry retry();

    /** While Pluggy is still collecting (UPDATING, MERGING) the sync waits on a timer, never on a thread. */
    interface Updating {
        @WithDefault("PT2S")
        Duration initialBackoff();

        @WithDefault("PT30S")
        Duration maxBackoff();

        /** After this the run fails as retryable; the execution's end fires item/updated, which asks for a sync. */
        @WithDefault("PT10M")
        Duration maxWait();
    }

    /**
     * Attempts of one request before it is given up: a failed run, a status event and the dead-letter topic. Each
     * attempt resumes from the cursors the previous one saved. Pluggy's own 429/5xx/timeouts are retried first,
     * per call, by the Pluggy client.
     */
    interface Retry {
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("PT5S")
        Duration backoff();
    }
}
