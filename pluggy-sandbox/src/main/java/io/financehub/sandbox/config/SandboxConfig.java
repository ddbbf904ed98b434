package io.financehub.sandbox.config;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Everything the sandbox can be told from outside. Environment names follow SmallRye's mapping
 * ({@code SANDBOX_CLIENT_ID} is {@code sandbox.client-id}); the webhook secret keeps the suite-wide name
 * {@code PLUGGY_WEBHOOK_SECRET} (mapped in application.properties).
 */
@ConfigMapping(prefix = "sandbox")
public interface SandboxConfig {

    /** The clientId POST /auth accepts. */
    @WithDefault("sandbox-client-id")
    String clientId();

    /** The clientSecret POST /auth accepts. */
    @WithDefault("sandbox-client-secret")
    String clientSecret();

    /** HMAC-SHA256 key of the X-Pluggy-Signature header on webhook deliveries. */
    @WithDefault("sandbox-webhook-secret")
    String webhookSecret();

    /** Seed of every generated id, date and amount: the same seed gives the same data. */
    @WithDefault("20240601")
    long seed();

    /**
     * The day generated histories end on. Unset: the day the sandbox starts (UTC), so data looks recent; set it to
     * reproduce the same dates on another day.
     */
    Optional<LocalDate> anchorDate();

    /** Transactions generated per account of an item created through the API (scenarios choose their own). */
    @WithDefault("180")
    int defaultTransactionsPerAccount();

    /** Days of history generated for an item created through the API. */
    @WithDefault("90")
    int defaultHistoryDays();

    /** Base address of links the sandbox hands out (createdTransactionsLink of transactions/created). */
    @WithDefault("http://localhost:8090")
    String publicUrl();

    /** GET /transactions answers 410 ENDPOINT_DEPRECATED, as Pluggy does for some keys; switchable at runtime. */
    @WithDefault("false")
    boolean v1TransactionsGone();

    Timings timings();

    RateLimits rateLimits();

    Webhooks webhooks();

    interface Timings {
        /** Time spent in each execution step (LOGIN_IN_PROGRESS, ACCOUNTS_IN_PROGRESS, ...). */
        @WithDefault("PT1S")
        Duration step();

        /** How long an MFA prompt waits for its answer before USER_INPUT_TIMEOUT. */
        @WithDefault("PT3M")
        Duration userInputTimeout();

        @WithDefault("PT2H")
        Duration apiKeyTtl();

        @WithDefault("PT30M")
        Duration connectTokenTtl();
    }

    interface RateLimits {
        /** Off for benchmarks; switchable at runtime through /sandbox/settings. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("360")
        int auth();

        @WithDefault("360")
        int transactions();

        @WithDefault("20")
        int itemUpdates();

        @WithDefault("PT1M")
        Duration window();
    }

    interface Webhooks {
        /** An answer slower than this counts as a failure and is retried (Pluggy: 10 s). */
        @WithDefault("PT10S")
        Duration timeout();

        /** Attempts per delivery, the first included. */
        @WithDefault("5")
        int maxAttempts();

        /** Delay before the first retry; it doubles at each further retry. */
        @WithDefault("PT5S")
        Duration initialBackoff();

        @WithDefault("5")
        int maxPerEvent();
    }
}
