package io.financehub.pluggy;

import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * Exponential backoff with "equal jitter" (half fixed, half random, so replicas retrying the same outage spread
 * out), except after a 429 or 503 that carries Retry-After: then exactly what Pluggy asked for, capped.
 * One instance per guarded call: it counts that call's attempts.
 */
final class PluggyBackoff implements CustomBackoffStrategy {

    private final long initialMillis;
    private final long maxMillis;
    private final long maxRetryAfterMillis;
    private int attempt;

    PluggyBackoff(PluggyConfig.Retry config) {
        this.initialMillis = Math.max(1, config.initialDelay().toMillis());
        this.maxMillis = Math.max(initialMillis, config.maxDelay().toMillis());
        this.maxRetryAfterMillis = config.maxRetryAfter().toMillis();
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        int n = attempt++;
        if (cause instanceof PluggyApiException api && api.retryAfter().isPresent()) {
            long asked = Math.min(api.retryAfter().get().toMillis(), maxRetryAfterMillis);
            // A little jitter on top, never below what was asked.
            return asked + ThreadLocalRandom.current().nextLong(1 + Math.min(asked / 10, 500));
        }
        long exponential = Math.min(maxMillis, initialMillis << Math.min(n, 20));
        long half = exponential / 2;
        return half + ThreadLocalRandom.current().nextLong(half + 1);
    }
}
