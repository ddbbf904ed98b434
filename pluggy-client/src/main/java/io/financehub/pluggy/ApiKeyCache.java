package io.financehub.pluggy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * Pluggy's API key (valid 2 h), kept in Redis for {@code apiKeyTtl} and shared by every replica.
 *
 * <p>Fetching is single-flight twice over: inside one JVM concurrent callers share one in-flight refresh; across
 * replicas a short Redis lock lets one replica call POST /auth while the others poll for the key it writes. So a
 * burst of calls on a cold cache, from any number of replicas, costs one POST /auth.
 */
final class ApiKeyCache {

    private static final Duration LOCK_TTL = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(50);

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final String key;
    private final String lockKey;
    private final Duration ttl;
    private final Supplier<Uni<String>> authenticate;
    private final Duration localTtl;
    private final AtomicReference<Uni<String>> inFlight = new AtomicReference<>();
    /** The key last read or written, reused for {@code localTtl} so a burst of calls is not a burst of Redis reads. */
    private volatile Local local;

    private record Local(String apiKey, long expiresAtNanos) {
    }

    ApiKeyCache(ReactiveRedisDataSource redis, String keyPrefix, Duration ttl, Duration localTtl,
            Supplier<Uni<String>> authenticate) {
        this.localTtl = localTtl;
        this.redis = redis;
        this.values = redis.value(String.class);
        this.key = keyPrefix + ":api-key";
        this.lockKey = keyPrefix + ":api-key:lock";
        this.ttl = ttl;
        this.authenticate = authenticate;
    }

    /** The shared key, fetched from Pluggy only if no replica holds a live one. */
    Uni<String> get() {
        Local held = local;
        if (held != null && System.nanoTime() < held.expiresAtNanos()) {
            return Uni.createFrom().item(held.apiKey());
        }
        return values.get(key).chain(cached -> cached != null ? Uni.createFrom().item(remember(cached)) : refresh(null));
    }

    /**
     * Keeps a key read from Redis for a short while. Safe: Pluggy's key lives 2 h and Redis drops it after
     * {@code apiKeyTtl} (110 min), so a key held locally a little longer is still valid at Pluggy.
     */
    private String remember(String apiKey) {
        if (!localTtl.isZero()) {
            local = new Local(apiKey, System.nanoTime() + localTtl.toNanos());
        }
        return apiKey;
    }

    /**
     * A key other than {@code rejected} (the one Pluggy just answered 401/403 to): another replica's newer key if
     * there is one, else a fresh one from Pluggy.
     */
    Uni<String> refresh(String rejected) {
        Local held = local;
        if (held != null && held.apiKey().equals(rejected)) {
            local = null;
        }
        return Uni.createFrom().deferred(() -> {
            AtomicReference<Uni<String>> self = new AtomicReference<>();
            Uni<String> mine = fetchOnce(rejected)
                    .map(this::remember)
                    .onTermination().invoke(() -> inFlight.compareAndSet(self.get(), null))
                    .memoize().indefinitely();
            self.set(mine);
            Uni<String> running = inFlight.compareAndExchange(null, mine);
            return running != null ? running : mine;
        });
    }

    private Uni<String> fetchOnce(String rejected) {
        long deadline = System.nanoTime() + LOCK_TTL.toNanos();
        String token = UUID.randomUUID().toString();
        return values.get(key).chain(cached -> {
            if (cached != null && !cached.equals(rejected)) {
                return Uni.createFrom().item(cached);
            }
            return redis.execute("SET", lockKey, token, "NX", "PX", Long.toString(LOCK_TTL.toMillis()))
                    .chain(acquired -> acquired != null ? authenticateAndStore(token) : awaitOther(rejected, deadline));
        });
    }

    private Uni<String> authenticateAndStore(String token) {
        Log.debug("Fetching a new Pluggy API key");
        return authenticate.get()
                .call(apiKey -> values.set(key, apiKey, new SetArgs().px(ttl)))
                .eventually(() -> releaseLock(token));
    }

    private Uni<Void> releaseLock(String token) {
        // Only the holder deletes the lock: GET then DEL can race an expiry, so compare and delete in one script.
        return redis.execute("EVAL", "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
                        "1", lockKey, token)
                .replaceWithVoid();
    }

    private Uni<String> awaitOther(String rejected, long deadline) {
        return Uni.createFrom().voidItem().onItem().delayIt().by(POLL)
                .chain(() -> values.get(key))
                .chain(cached -> {
                    if (cached != null && !cached.equals(rejected)) {
                        return Uni.createFrom().item(cached);
                    }
                    if (System.nanoTime() > deadline) {
                        // The holder died mid-refresh; its lock has expired by now, so compete again.
                        return fetchOnce(rejected);
                    }
                    return awaitOther(rejected, deadline);
                });
    }

    String redisKey() {
        return key;
    }
}
