package io.financehub.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

/**
 * Fixed-window counters in Redis, shared by every gateway replica: one round trip (a Lua script increments the
 * window's counter, starts its expiry on the first hit and returns the count and the time left). When Redis does not
 * answer, requests pass (fail open) and a warning is logged: a limiter outage must not take the API down.
 */
@ApplicationScoped
public class RateLimiter {

    static final String PREFIX = "gw:rl:";
    private static final String HIT = """
            local count = redis.call('INCRBY', KEYS[1], ARGV[2])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """;

    /** Redis names a script by the SHA-1 of its text; EVALSHA sends 40 characters instead of the script. */
    private static final String HIT_SHA = sha1(HIT);

    private final ReactiveRedisDataSource redis;

    RateLimiter(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** Counts one request against {@code key}; the decision says whether it is within {@code limit} per window. */
    public Uni<Decision> hit(String key, int limit, Duration window) {
        return add(key, 1, window)
                .map(count -> count.total() <= limit ? Decision.ALLOWED
                        : new Decision(false, (count.millisLeft() + 999) / 1000))
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("Rate limiter unavailable, letting the request through: %s", e.toString());
                    return Decision.ALLOWED;
                });
    }

    /**
     * Adds {@code requests} to the window of {@code key} (starting it if needed) and answers the window's total and
     * time left. Fails when Redis does; the caller decides how to fail open.
     */
    public Uni<Count> add(String key, int requests, Duration window) {
        String redisKey = PREFIX + key;
        String millis = Long.toString(window.toMillis());
        String amount = Integer.toString(requests);
        return redis.execute("EVALSHA", HIT_SHA, "1", redisKey, millis, amount)
                .onFailure(RateLimiter::isNoScript)
                .recoverWithUni(() -> redis.execute("EVAL", HIT, "1", redisKey, millis, amount))
                .map(reply -> new Count(reply.get(0).toLong(), reply.get(1).toLong()));
    }

    /** After a Redis restart or SCRIPT FLUSH the script is unknown; EVAL runs it and caches it again. */
    private static boolean isNoScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A window's total after an increment, and the milliseconds until the window ends. */
    public record Count(long total, long millisLeft) {
    }

    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }
}
