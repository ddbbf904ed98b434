package io.financehub.pluggy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.financehub.pluggy.Endpoint.RateFamily;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

/**
 * A sliding-window limiter shared by every replica through Redis: one sorted set per endpoint family holds the
 * start time of each call of the last window. A call over the budget waits until the oldest call leaves the window
 * (plus jitter, so a queue of waiters does not stampede) instead of going out and collecting a 429.
 *
 * <p>The check-and-add is one Lua script, so two replicas can never both take the last slot; it uses Redis' clock, so
 * replicas with skewed clocks still agree.
 */
final class SharedRateLimiter {

    private static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local window = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
              redis.call('ZADD', KEYS[1], now, ARGV[3])
              redis.call('PEXPIRE', KEYS[1], window)
              return 0
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return math.max(1, tonumber(oldest[2]) + window - now)
            """;

    private final ReactiveRedisDataSource redis;
    private final String keyPrefix;
    private final Duration window;
    private final Duration maxWait;
    private final boolean enabled;
    private final Map<RateFamily, Integer> limits = new EnumMap<>(RateFamily.class);

    SharedRateLimiter(ReactiveRedisDataSource redis, String keyPrefix, PluggyConfig.RateLimit config) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.window = config.window();
        this.maxWait = config.maxWait();
        this.enabled = config.enabled();
        limits.put(RateFamily.AUTH, config.auth());
        limits.put(RateFamily.ACCOUNTS, config.accounts());
        limits.put(RateFamily.TRANSACTIONS, config.transactions());
        limits.put(RateFamily.ITEM_UPDATES, config.itemUpdates());
    }

    /** Completes when a call of this family may go out; fails with {@link PluggyUnavailableException} after maxWait. */
    Uni<Void> acquire(RateFamily family) {
        Integer limit = limits.get(family);
        if (!enabled || limit == null) {
            return Uni.createFrom().voidItem();
        }
        return acquire(family, limit, System.nanoTime() + maxWait.toNanos());
    }

    private Uni<Void> acquire(RateFamily family, int limit, long deadline) {
        return redis.execute("EVAL", SCRIPT, "1", key(family), Integer.toString(limit),
                Long.toString(window.toMillis()), UUID.randomUUID().toString())
                .chain(response -> {
                    long waitMillis = response.toLong();
                    if (waitMillis <= 0) {
                        return Uni.createFrom().voidItem();
                    }
                    long jittered = waitMillis + ThreadLocalRandom.current().nextLong(1 + Math.min(waitMillis, 250));
                    if (System.nanoTime() + Duration.ofMillis(jittered).toNanos() > deadline) {
                        return Uni.createFrom().failure(new PluggyUnavailableException(
                                "Pluggy's " + family + " rate limit kept the call queued too long", null,
                                PluggyUnavailableException.Kind.RATE_LIMIT_QUEUE));
                    }
                    return Uni.createFrom().voidItem()
                            .onItem().delayIt().by(Duration.ofMillis(jittered))
                            .chain(() -> acquire(family, limit, deadline));
                });
    }

    String key(RateFamily family) {
        return keyPrefix + ":rate:" + family.name().toLowerCase();
    }
}
