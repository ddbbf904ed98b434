package io.financehub.pluggy;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Pluggy settings under the suite's environment names: {@code PLUGGY_BASE_URL}, {@code PLUGGY_CLIENT_ID},
 * {@code PLUGGY_CLIENT_SECRET}, {@code PLUGGY_USE_SANDBOX}, {@code PLUGGY_CONNECT_URL}, {@code PLUGGY_WEBHOOK_URL},
 * {@code PLUGGY_API_TIMEOUT} (SmallRye maps {@code PLUGGY_BASE_URL} to {@code pluggy.base-url}). The rest are tuning
 * knobs with production defaults; tests shorten them.
 */
@ConfigMapping(prefix = "pluggy")
public interface PluggyConfig {

    String PUBLIC_BASE_URL = "https://api.pluggy.ai";
    String PUBLIC_CONNECT_URL = "https://connect.pluggy.ai";
    String SANDBOX_BASE_URL = "http://127.0.0.1:8090";
    /** The pluggy-sandbox's default credentials (its {@code sandbox.client-id} / {@code sandbox.client-secret}). */
    String SANDBOX_CLIENT_ID = "sandbox-client-id";
    String SANDBOX_CLIENT_SECRET = "sandbox-client-secret";

    /** Unset: Pluggy's public API with credentials, the local sandbox without. */
    Optional<String> baseUrl();

    Optional<String> clientId();

    Optional<String> clientSecret();

    /** Include Pluggy's sandbox connectors in the catalogue. */
    @WithDefault("true")
    boolean useSandbox();

    /** The Connect widget; unset: Pluggy's, or the sandbox's widget page without credentials. */
    Optional<String> connectUrl();

    /** Where Pluggy sends webhooks for items created through our connect tokens. */
    Optional<String> webhookUrl();

    /** Seconds to wait for Pluggy's answer to one request (connect and read). */
    @WithDefault("30")
    int apiTimeout();

    /** Pluggy's API key lives 2 h; it is reused for this long, shared by every replica through Redis. */
    @WithDefault("PT110M")
    Duration apiKeyTtl();

    /** How long a replica reuses the shared key before reading Redis again (well inside the 10 min margin). */
    @WithDefault("PT60S")
    Duration apiKeyLocalTtl();

    /** Prefix of every Redis key this client writes. */
    @WithDefault("pluggy")
    String redisPrefix();

    Retry retry();

    @WithName("circuit-breaker")
    Breaker circuitBreaker();

    @WithName("rate-limit")
    RateLimit rateLimit();

    interface Retry {
        /** Retries after the first attempt, on timeouts, 5xx and 429. */
        @WithDefault("4")
        int maxRetries();

        /** First backoff; it doubles per retry, with jitter, up to {@link #maxDelay()}. */
        @WithDefault("PT0.5S")
        Duration initialDelay();

        @WithDefault("PT15S")
        Duration maxDelay();

        /** A Retry-After longer than this is capped, so a caller is never parked for minutes. */
        @WithDefault("PT60S")
        Duration maxRetryAfter();
    }

    interface Breaker {
        @WithDefault("20")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before letting a trial call through. */
        @WithDefault("PT10S")
        Duration delay();

        @WithDefault("2")
        int successThreshold();
    }

    /**
     * Pluggy's limits are per endpoint, per source IP, per minute, and every replica behind one egress IP shares them;
     * so does this limiter, through Redis.
     */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("PT1M")
        Duration window();

        /** POST /auth. */
        @WithDefault("360")
        int auth();

        /** GET /accounts and /accounts/{id}. */
        @WithDefault("360")
        int accounts();

        /** GET /v2/transactions, /transactions and /transactions/{id}. */
        @WithDefault("360")
        int transactions();

        /** PATCH /items/{id}. */
        @WithDefault("20")
        int itemUpdates();

        /** Longest a call queues for a slot before it fails as unavailable. */
        @WithDefault("PT2M")
        Duration maxWait();
    }
}
