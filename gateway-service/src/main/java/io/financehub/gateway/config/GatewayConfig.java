package io.financehub.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the gateway can be told, in one typed tree under {@code gateway.}. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Jwt jwt();

    Auth auth();

    Plans plans();

    RateLimit rateLimit();

    Downstream downstream();

    Headers headers();

    Outbox outbox();

    interface Outbox {
        /** How often the relay looks for events a commit-time kick did not publish (Kafka was down, a crash). */
        @WithDefault("PT1S")
        Duration pollInterval();

        @WithDefault("100")
        int batchSize();
    }

    interface Jwt {
        /** PEM (PKCS#8) of the key that signs new tokens: JWT_PRIVATE_KEY_LOCATION. */
        String privateKeyLocation();

        /** kid of that key: JWT_KEY_ID. */
        String keyId();

        /**
         * Public keys still accepted and published while tokens signed by them live, as {@code kid=location} (PEM):
         * JWT_PREVIOUS_PUBLIC_KEYS. Rotation: add the old key here, then swap the private key and its kid.
         */
        Optional<List<String>> previousPublicKeys();

        String issuer();

        String audience();

        /** At most 15 minutes: an access token cannot be revoked, so its life is short. */
        @WithDefault("PT15M")
        Duration accessTokenTtl();

        @WithDefault("P14D")
        Duration refreshTokenTtl();

        /**
         * Access tokens the proxy remembers as verified, by their exact text, until their exp at the latest
         * (security.VerifiedTokens); about 1 KiB each.
         */
        @WithDefault("10000")
        int verifiedTokenCacheSize();
    }

    interface Auth {
        /** bcrypt cost factor; each step doubles the work. */
        @WithDefault("12")
        int bcryptCost();

        @WithDefault("10")
        int passwordMinLength();

        /** Failed logins of one account before each further failure is answered more slowly. */
        @WithDefault("3")
        int slowAfterFailures();

        /** Added per failure beyond slow-after-failures, capped by max-failure-delay. */
        @WithDefault("PT1S")
        Duration failureDelayStep();

        @WithDefault("PT5S")
        Duration maxFailureDelay();

        /** Failed logins of one account before it is locked for lock-duration. */
        @WithDefault("10")
        int lockAfterFailures();

        /** Failed logins from one IP (any account) before that IP is locked for lock-duration. */
        @WithDefault("50")
        int ipLockAfterFailures();

        /** Window in which failures are counted, and how long a lock lasts. */
        @WithDefault("PT15M")
        Duration lockDuration();
    }

    /** Monthly transaction limits per plan; an absent limit means unlimited. */
    interface Plans {
        @WithDefault("500")
        long freeMonthlyTransactions();

        @WithDefault("10000")
        long proMonthlyTransactions();

        OptionalLong enterpriseMonthlyTransactions();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Requests per minute to /api/auth/* from one IP. */
        @WithDefault("60")
        int authPerIpPerMinute();

        /** Login and register attempts per minute for one e-mail address. */
        @WithDefault("20")
        int authPerAccountPerMinute();

        /** Requests per minute to /api/banking/* for one company. */
        @WithDefault("1200")
        int apiPerCompanyPerMinute();

        /**
         * How long a replica may hold a company's request count before sending it to Redis (it sends sooner once a
         * twentieth of the limit is pending): service.CompanyRateLimit.
         */
        @WithDefault("PT0.05S")
        Duration apiFlushInterval();
    }

    interface Downstream {
        /** CONNECTION_SERVICE_URL */
        String connectionServiceUrl();

        /** WEBHOOK_SERVICE_URL */
        String webhookServiceUrl();

        /** SYNC_SERVICE_URL */
        String syncServiceUrl();

        /** LEDGER_SERVICE_URL */
        String ledgerServiceUrl();

        @WithDefault("PT1S")
        Duration connectTimeout();

        /** No byte from the downstream for this long → 504. */
        @WithDefault("PT10S")
        Duration responseTimeout();

        /** Connections kept per downstream, on each event loop (proxy.Downstreams has a pool per loop). */
        @WithDefault("64")
        int poolSize();

        /** Consecutive connect failures or timeouts that open a downstream's breaker. */
        @WithDefault("5")
        int breakerFailures();

        /** How long an open breaker answers 503 before it lets one trial request through. */
        @WithDefault("PT5S")
        Duration breakerReset();
    }

    interface Headers {
        /** Pluggy Connect's page, framed by the SPA: PLUGGY_CONNECT_URL. Its origin goes into the CSP's frame-src. */
        String pluggyConnectUrl();

        /** Strict-Transport-Security; on in prod, where TLS ends in front of the gateway. */
        @WithDefault("false")
        boolean hsts();
    }
}
