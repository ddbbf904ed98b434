package io.financehub.gateway.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Response;

/**
 * Brute-force protection of the login, in Redis so every replica sees the same counts. Failed logins are counted per
 * account and per client IP over a window; after a few failures of an account each further failure is answered more
 * slowly, and past a threshold the account (or the IP, across accounts) is locked for a while: even the right password
 * is refused until the lock expires. A successful login clears the account's count.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final String PREFIX = "gw:login:";
    /** Locks' remaining lifetimes in milliseconds (-2 when absent). */
    private static final String LOCKS = """
            return {redis.call('PTTL', KEYS[1]), redis.call('PTTL', KEYS[2])}
            """;
    /** Counts a failure for the account and the IP, and sets each lock when its threshold is reached. */
    private static final String FAIL = """
            local window = tonumber(ARGV[1])
            local account = redis.call('INCR', KEYS[1])
            if account == 1 then redis.call('PEXPIRE', KEYS[1], window) end
            local ip = redis.call('INCR', KEYS[2])
            if ip == 1 then redis.call('PEXPIRE', KEYS[2], window) end
            if account >= tonumber(ARGV[2]) then redis.call('SET', KEYS[3], '1', 'PX', window) end
            if ip >= tonumber(ARGV[3]) then redis.call('SET', KEYS[4], '1', 'PX', window) end
            return {account, ip}
            """;

    private final ReactiveRedisDataSource redis;
    private final GatewayConfig.Auth config;
    private final Vertx vertx;

    LoginThrottle(ReactiveRedisDataSource redis, GatewayConfig config, Vertx vertx) {
        this.redis = redis;
        this.vertx = vertx;
        this.config = config.auth();
    }

    /** Fails with a 429 {@code login_locked} while the account or the IP is locked. */
    public Uni<Void> ensureNotLocked(String email, String ip) {
        return redis.execute("EVAL", LOCKS, "2", lockKey("acct", email), lockKey("ip", ip))
                .onFailure().invoke(e -> Log.warnf("Login throttle unavailable: %s", e.toString()))
                .onFailure().recoverWithNull()
                .map(reply -> {
                    if (reply != null) {
                        long lockedFor = Math.max(reply.get(0).toLong(), reply.get(1).toLong());
                        if (lockedFor > 0) {
                            throw new TooManyRequests("login_locked",
                                    "Too many failed sign-ins: try again later", (lockedFor + 999) / 1000);
                        }
                    }
                    return null;
                });
    }

    /** Records a failed login and completes after the delay this failure earns (none for the first few). */
    public Uni<Void> recordFailure(String email, String ip) {
        return redis.execute("EVAL", FAIL, "4", failKey("acct", email), failKey("ip", ip),
                lockKey("acct", email), lockKey("ip", ip),
                Long.toString(config.lockDuration().toMillis()),
                Integer.toString(config.lockAfterFailures()), Integer.toString(config.ipLockAfterFailures()))
                .map(this::delayFor)
                .onFailure().invoke(e -> Log.warnf("Login throttle unavailable: %s", e.toString()))
                .onFailure().recoverWithItem(Duration.ZERO)
                .chain(this::pause);
    }

    /** A Vert.x timer rather than Mutiny's delay: the answer stays on the request's event-loop context. */
    private Uni<Void> pause(Duration delay) {
        if (delay.isZero()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(delay.toMillis(), id -> emitter.complete(null)));
    }

    public Uni<Void> recordSuccess(String email) {
        return redis.execute("DEL", failKey("acct", email))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Duration delayFor(Response counts) {
        long beyond = counts.get(0).toLong() - config.slowAfterFailures();
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        Duration delay = config.failureDelayStep().multipliedBy(beyond);
        return delay.compareTo(config.maxFailureDelay()) > 0 ? config.maxFailureDelay() : delay;
    }

    private static String failKey(String kind, String id) {
        return PREFIX + "fail:" + kind + ":" + id;
    }

    private static String lockKey(String kind, String id) {
        return PREFIX + "lock:" + kind + ":" + id;
    }
}
