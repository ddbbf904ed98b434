package io.financehub.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.financehub.gateway.testing.GatewayKeysTestResource;
import io.financehub.gateway.testing.StubDownstreams;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * The per-company limit against the real Redis: counts reach Redis in batches, replicas share one count, and a replica
 * decides without waiting for Redis yet never admits more than the limit itself.
 */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(GatewayKeysTestResource.class)
@WithTestResource(StubDownstreams.class)
class CompanyRateLimitTest {

    private static final Duration FLUSH = Duration.ofMillis(50);

    @Inject
    RateLimiter rateLimiter;

    @Inject
    Vertx vertx;

    @Inject
    RedisDataSource redis;

    @Test
    void aReplicaAdmitsExactlyTheLimitAndRedisCountsThemAll() throws InterruptedException {
        CompanyRateLimit replica = new CompanyRateLimit(rateLimiter, vertx, 100, FLUSH);
        String company = UUID.randomUUID().toString();
        int admitted = 0;
        for (int i = 0; i < 150; i++) {
            if (replica.admit(company) == 0) {
                admitted++;
            }
        }
        assertEquals(100, admitted);
        awaitCount(company, 100);
        long retryAfter = replica.admit(company);
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }

    @Test
    void fewRequestsReachRedisAfterTheFlushInterval() throws InterruptedException {
        CompanyRateLimit replica = new CompanyRateLimit(rateLimiter, vertx, 1200, FLUSH);
        String company = UUID.randomUUID().toString();
        for (int i = 0; i < 7; i++) {
            assertEquals(0, replica.admit(company));
        }
        awaitCount(company, 7);
        Long ttl = redis.key().pttl(key(company));
        assertTrue(ttl > 50_000 && ttl <= 60_000, "window left " + ttl + " ms");
    }

    @Test
    void replicasShareOneCountInRedis() throws InterruptedException {
        CompanyRateLimit first = new CompanyRateLimit(rateLimiter, vertx, 100, FLUSH);
        CompanyRateLimit second = new CompanyRateLimit(rateLimiter, vertx, 100, FLUSH);
        String company = UUID.randomUUID().toString();
        for (int i = 0; i < 60; i++) {
            assertEquals(0, first.admit(company));
        }
        awaitCount(company, 60);
        for (int i = 0; i < 40; i++) {
            assertEquals(0, second.admit(company));
        }
        awaitCount(company, 100);
        Thread.sleep(200);
        assertTrue(second.admit(company) > 0, "Redis' answers told the second replica the total of both");
        // The first one last heard 60: what it admits next is counted, Redis answers the real total, and it refuses.
        int beyondTheLimit = 0;
        while (first.admit(company) == 0) {
            beyondTheLimit++;
            assertTrue(beyondTheLimit <= 5, beyondTheLimit + " admitted beyond the limit");
            Thread.sleep(100);
        }
        // Another company has its own window.
        assertEquals(0, first.admit(UUID.randomUUID().toString()));
    }

    private void awaitCount(String company, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String value = null;
        while (System.nanoTime() < deadline) {
            value = redis.value(String.class).get(key(company));
            if (value != null && Long.parseLong(value) == expected) {
                return;
            }
            Thread.sleep(20);
        }
        assertEquals(Long.toString(expected), value, "the count in Redis");
    }

    private static String key(String company) {
        return RateLimiter.PREFIX + "api:company:" + company;
    }
}
