package io.financehub.gateway.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.financehub.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;

/**
 * The per-company request limit of /api/banking/* (RATE_LIMIT_API_PER_COMPANY per one-minute window), counted in Redis
 * so that every replica shares one count, and decided without waiting for Redis.
 * <p>
 * Each replica keeps, per company, the window's total as Redis last reported it plus the requests it admitted since
 * (sent and not yet acknowledged, or not sent yet). A request that would take that total over the limit is refused
 * with 429 at once; others are admitted and counted. Counts go to Redis as one increment per company, at most
 * {@code api-flush-interval} (50 ms) after they were made, or at once when a twentieth of the limit is pending; Redis
 * answers with the window's new total and time left. A company has at most one increment in flight: what is admitted
 * meanwhile waits for its answer. Answers over a pool of connections could otherwise come back out of order, and a
 * later total would be counted again beside an earlier increment still in flight, refusing requests within the limit.
 * So the request path has no Redis round trip, Redis sees a few increments per company per second instead of one per
 * request, and a single replica admits exactly the limit in a window.
 * <p>
 * The price is a bounded overshoot across replicas: a replica does not see what the others admitted since its last
 * answer from Redis. Once the shared total passes the limit, each replica learns it with its next answer, so each
 * other replica busy with the same company lets through at most its unsent count (a twentieth of the limit)
 * plus what it admits during one Redis round trip. With the default 1200 per minute that is at most about 60
 * requests per extra replica in a window; with one replica there is none.
 * <p>
 * When Redis does not answer, the counts it missed are dropped with a warning and requests pass (fail open): a limiter
 * outage must not take the API down.
 */
@ApplicationScoped
public class CompanyRateLimit {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimiter rateLimiter;
    private final Vertx vertx;
    private final int limit;
    private final int sendAt;
    private final long flushMillis;
    private final Map<String, Counter> companies = new ConcurrentHashMap<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    @Inject
    CompanyRateLimit(RateLimiter rateLimiter, Vertx vertx, GatewayConfig config) {
        this(rateLimiter, vertx, config.rateLimit().apiPerCompanyPerMinute(), config.rateLimit().apiFlushInterval());
    }

    CompanyRateLimit(RateLimiter rateLimiter, Vertx vertx, int limit, Duration flushInterval) {
        this.rateLimiter = rateLimiter;
        this.vertx = vertx;
        this.limit = limit;
        this.sendAt = Math.max(1, limit / 20);
        this.flushMillis = Math.max(1, flushInterval.toMillis());
    }

    /**
     * Admits and counts one request of {@code company}, or refuses it: 0 when it may go ahead, otherwise the seconds
     * until the company's window ends (for Retry-After). Never waits for Redis.
     */
    public long admit(String company) {
        long now = System.currentTimeMillis();
        long[] retryAfter = new long[1];
        boolean[] sendNow = new boolean[1];
        // Every change of a counter happens under the map's lock for its key, so no count is lost to a clean-up.
        companies.compute(company, (key, existing) -> {
            Counter counter = existing == null ? new Counter() : existing;
            retryAfter[0] = counter.admit(now, limit);
            sendNow[0] = counter.pending >= sendAt;
            return counter;
        });
        if (retryAfter[0] > 0) {
            return retryAfter[0];
        }
        if (sendNow[0]) {
            send(company);
        } else {
            scheduleFlush();
        }
        return 0;
    }

    private void scheduleFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            vertx.setTimer(flushMillis, id -> flush());
        }
    }

    /** Sends every company's pending count, and forgets companies with nothing pending, in flight or to remember. */
    private void flush() {
        // A request counted after this point schedules the next flush itself.
        flushScheduled.set(false);
        long now = System.currentTimeMillis();
        for (String company : companies.keySet()) {
            boolean[] pending = new boolean[1];
            companies.computeIfPresent(company, (key, counter) -> {
                pending[0] = counter.pending > 0;
                return pending[0] || !counter.idle(now) ? counter : null;
            });
            if (pending[0]) {
                send(company);
            }
        }
    }

    /** Sends the company's pending count, unless an increment of it is in flight: its answer sends the rest. */
    private void send(String company) {
        int[] requests = new int[1];
        companies.computeIfPresent(company, (key, counter) -> {
            if (counter.inFlight == 0) {
                requests[0] = counter.pending;
                counter.pending = 0;
                counter.inFlight = requests[0];
            }
            return counter;
        });
        int sent = requests[0];
        if (sent == 0) {
            return;
        }
        rateLimiter.add("api:company:" + company, sent, WINDOW).subscribe().with(
                count -> {
                    long now = System.currentTimeMillis();
                    answered(company, counter -> counter.reported(now, count));
                },
                failure -> {
                    Log.warnf("Rate limiter unavailable, company %s counted on this replica only: %s", company,
                            failure.toString());
                    answered(company, counter -> {
                        // Nothing learnt: what was in flight counts on this replica only.
                    });
                });
    }

    /** Applies Redis' answer, then sends what was admitted meanwhile, at once or with the next flush. */
    private void answered(String company, Consumer<Counter> answer) {
        int[] pending = new int[1];
        companies.computeIfPresent(company, (key, counter) -> {
            answer.accept(counter);
            counter.inFlight = 0;
            pending[0] = counter.pending;
            return counter;
        });
        if (pending[0] >= sendAt) {
            send(company);
        } else if (pending[0] > 0) {
            scheduleFlush();
        }
    }

    /** One company's window as this replica sees it; guarded by the map's lock for the company. */
    private static final class Counter {
        /** When the window Redis reported ends (epoch millis); 0 while unknown. */
        long windowEndsAt;
        /** The window's total in Redis' last answer. */
        long reportedTotal;
        /** Admitted here and sent in the one increment in flight, not acknowledged yet. */
        int inFlight;
        /** Admitted here, not sent yet. */
        int pending;

        /** 0 and counted, or the seconds until the window ends. */
        long admit(long now, int limit) {
            if (windowEndsAt != 0 && now >= windowEndsAt) {
                windowEndsAt = 0;
                reportedTotal = 0;
            }
            if (reportedTotal + inFlight + pending + 1 > limit) {
                return windowEndsAt == 0 ? 1 : Math.max(1, (windowEndsAt - now + 999) / 1000);
            }
            pending++;
            return 0;
        }

        void reported(long now, RateLimiter.Count count) {
            long endsAt = now + count.millisLeft();
            if (windowEndsAt == 0 || now >= windowEndsAt || endsAt - windowEndsAt > 1000) {
                windowEndsAt = endsAt;
            }
            reportedTotal = count.total();
        }

        boolean idle(long now) {
            return pending == 0 && inFlight == 0 && (windowEndsAt == 0 || now >= windowEndsAt);
        }
    }
}
