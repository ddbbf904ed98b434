package io.financehub.webhook.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The relay that moves accepted webhooks from the outbox table to Kafka. */
@ConfigMapping(prefix = "webhook.outbox")
public interface OutboxConfig {

    /**
     * Whether this replica relays. Every replica may: rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so two
     * relays never publish the same row in normal operation.
     */
    @WithDefault("true")
    boolean enabled();

    /** Rows claimed and published per database transaction. */
    @WithDefault("256")
    int batchSize();

    /**
     * The periodic tick, for rows accepted by another replica and for retries; rows accepted here are relayed at
     * once without waiting for it.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Delay before the first retry of a failed row; it doubles at each further attempt, up to {@link #maxBackoff()}. */
    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /** Published outbox rows are deleted after this; the webhook events themselves stay as the audit trail. */
    @WithDefault("7d")
    Duration retention();

    @WithDefault("1h")
    Duration pruneInterval();

    /** The outbox counts as stuck (well-being check DOWN) when its oldest unpublished row is older than this. */
    @WithDefault("60s")
    Duration stuckAfter();
}
