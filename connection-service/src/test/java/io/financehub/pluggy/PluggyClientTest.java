package io.financehub.pluggy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.financehub.connection.testing.Sandbox;
import io.financehub.connection.testing.SandboxTestResource;
import io.financehub.pluggy.model.Account;
import io.financehub.pluggy.model.Connector;
import io.financehub.pluggy.model.ConnectorFilter;
import io.financehub.pluggy.model.Item;
import io.financehub.pluggy.model.Transaction;
import io.financehub.pluggy.model.TransactionFilter;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Uni;

/** The Pluggy client against the real sandbox process, through the real Redis. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(SandboxTestResource.class)
class PluggyClientTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    PluggyClient pluggy;
    @Inject
    PluggyConfig config;
    @Inject
    ReactiveRedisDataSource redis;

    private final List<String> faults = new ArrayList<>();

    @AfterEach
    void clearFaults() {
        faults.forEach(Sandbox::removeFault);
        faults.clear();
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void readsItemAccountsAndEveryTransactionPageAsPluggySendsThem() {
        String company = UUID.randomUUID().toString();
        JsonPath scenario = Sandbox.scenario(company, 130);
        String itemId = scenario.getString("item.id");

        Item item = pluggy.item(itemId).await().atMost(WAIT);
        assertEquals(company, item.clientUserId());
        assertEquals("UPDATED", item.status());
        assertEquals(scenario.getInt("item.connector.id"), item.connector().id());

        List<Account> accounts = pluggy.accounts(itemId).await().atMost(WAIT);
        assertEquals(scenario.getList("accounts").size(), accounts.size());
        Account first = accounts.get(0);
        Map<String, Object> truth = io.restassured.RestAssured.given().baseUri(Sandbox.url())
                .get("/sandbox/accounts/" + first.id() + "/truth").then().statusCode(200).extract().jsonPath()
                .getMap("$");

        List<Transaction> all = new ArrayList<>();
        pluggy.transactionPages(first.id(), TransactionFilter.ALL).subscribe().asStream().forEach(all::addAll);
        assertEquals(((Number) truth.get("count")).intValue(), all.size());
        BigDecimal sum = all.stream().map(Transaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal(truth.get("sum").toString()).setScale(2), sum.setScale(2));
        assertEquals(all.size(), all.stream().map(Transaction::id).distinct().count());
    }

    @Test
    void listsTheCatalogueWithSandboxConnectorsOnlyWhenAsked() {
        List<Connector> withSandbox = pluggy.connectors(ConnectorFilter.all(true)).await().atMost(WAIT);
        List<Connector> without = pluggy.connectors(ConnectorFilter.all(false)).await().atMost(WAIT);
        assertTrue(withSandbox.stream().anyMatch(c -> c.id() == Sandbox.PLUGGY_BANK && c.isSandbox()));
        assertTrue(without.stream().noneMatch(Connector::isSandbox));
        assertTrue(withSandbox.size() > without.size());
    }

    @Test
    void notFoundIsTypedAndNeverOpensTheBreaker() {
        for (int i = 0; i < 30; i++) {
            PluggyApiException e = assertThrows(PluggyApiException.class,
                    () -> pluggy.item("no-such-item").await().atMost(WAIT));
            assertEquals(404, e.status());
            assertEquals("NOT_FOUND", e.codeDescription());
            assertTrue(e.isNotFound());
        }
        assertEquals(CircuitBreakerState.CLOSED, CircuitBreakerMaintenance.get().currentState(PluggyClient.CIRCUIT_BREAKER));
    }

    @Test
    void ridesOutABurstOf5xx() {
        String itemId = Sandbox.scenario(UUID.randomUUID().toString(), 0).getString("item.id");
        String fault = fault("/items/" + itemId, "GET", "ERROR_503", 3, null, null);

        Item item = pluggy.item(itemId).await().atMost(WAIT);

        assertEquals(itemId, item.id());
        assertEquals(3, Sandbox.fired(fault));
    }

    @Test
    void honoursRetryAfterOn429() {
        String itemId = Sandbox.scenario(UUID.randomUUID().toString(), 0).getString("item.id");
        String fault = fault("/items/" + itemId, "GET", "RATE_LIMIT", 2, null, 1);

        long start = System.nanoTime();
        Item item = pluggy.item(itemId).await().atMost(WAIT);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(itemId, item.id());
        assertEquals(2, Sandbox.fired(fault));
        assertTrue(took.toMillis() >= 1900, "waited Retry-After (1 s) twice, took " + took);
    }

    @Test
    void ridesOutDroppedConnections() {
        String itemId = Sandbox.scenario(UUID.randomUUID().toString(), 0).getString("item.id");
        String fault = fault("/accounts", "GET", "DROP_CONNECTION", 2, null, null);

        List<Account> accounts = pluggy.accounts(itemId).await().atMost(WAIT);

        assertTrue(accounts.size() > 0);
        assertEquals(2, Sandbox.fired(fault));
    }

    @Test
    void neverRepeatsAnMfaAnswerAfterA5xx() {
        String fault = fault("/items/*/mfa", "POST", "ERROR_500", 5, null, null);

        PluggyApiException e = assertThrows(PluggyApiException.class,
                () -> pluggy.sendMfa(UUID.randomUUID().toString(), Map.of("token", "123456")).await().atMost(WAIT));

        assertEquals(500, e.status());
        assertEquals("INTERNAL_SERVER_ERROR", e.codeDescription());
        assertEquals(1, Sandbox.fired(fault), "a call that must not happen twice is not retried after a 5xx");
    }

    @Test
    void apiKeyIsFetchedOnceAcrossManyCallsByTwoReplicasAndAgainAfterItExpires() {
        String itemId = Sandbox.scenario(UUID.randomUUID().toString(), 0).getString("item.id");
        PluggyClient replica = new PluggyClient(config, redis, "pluggy-replica-" + UUID.randomUUID());
        redis.key().del(pluggy.apiKeyRedisKey()).await().atMost(WAIT);
        outliveLocalCopies();
        // A slow /auth widens the window in which every caller finds no key.
        String auth = fault("/auth", "POST", "LATENCY", null, 300L, null);

        List<Uni<Item>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(pluggy.item(itemId));
            calls.add(replica.item(itemId));
        }
        List<Item> results = Uni.join().all(calls).andFailFast().await().atMost(WAIT);

        assertEquals(40, results.size());
        assertTrue(results.stream().allMatch(i -> itemId.equals(i.id())));
        assertEquals(1, Sandbox.fired(auth), "one POST /auth for 40 calls from two replicas");

        redis.key().pexpire(pluggy.apiKeyRedisKey(), 1).await().atMost(WAIT);
        awaitGone(pluggy.apiKeyRedisKey());
        outliveLocalCopies();
        replica.item(itemId).await().atMost(WAIT);
        pluggy.item(itemId).await().atMost(WAIT);
        assertEquals(2, Sandbox.fired(auth), "expired: fetched again, once");
    }

    @Test
    void aRejectedKeyIsRefreshedOnce() {
        String itemId = Sandbox.scenario(UUID.randomUUID().toString(), 0).getString("item.id");
        String expired = Sandbox.expiredApiKey();
        redis.value(String.class).set(pluggy.apiKeyRedisKey(), expired).await().atMost(WAIT);
        outliveLocalCopies();
        String auth = fault("/auth", "POST", "LATENCY", null, 1L, null);

        Item item = pluggy.item(itemId).await().atMost(WAIT);

        assertEquals(itemId, item.id());
        assertEquals(1, Sandbox.fired(auth));
        String fresh = redis.value(String.class).get(pluggy.apiKeyRedisKey()).await().atMost(WAIT);
        assertNotEquals(expired, fresh);
    }

    @Test
    void aBurstOfItemUpdatesQueuesUnderTheSharedLimitInsteadOfCollecting429s() {
        // The sandbox and the client both allow 20 PATCH /items per 2 s window in tests; 26 calls must queue.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            ids.add(Sandbox.scenario(UUID.randomUUID().toString(), 0).getString("item.id"));
        }
        // Any 429 would be retried after Retry-After: a fault on 429s is not needed to see one, the time is.
        long start = System.nanoTime();
        List<Uni<Item>> updates = ids.stream()
                .map(id -> pluggy.updateItem(id, null, null)).toList();
        List<Item> updated = Uni.join().all(updates).andFailFast().await().atMost(WAIT);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(26, updated.size());
        assertTrue(updated.stream().allMatch(i -> "UPDATING".equals(i.status())));
        assertTrue(took.toMillis() >= 1500, "the last 6 waited for the next window, took " + took);
        long inWindow = redis.sortedSet(String.class).zcard(config.redisPrefix() + ":"
                + pluggyNamespaceSuffix() + ":rate:item_updates").await().atMost(WAIT);
        assertTrue(inWindow <= 20, "never more than the limit inside one window: " + inWindow);
    }

    private String pluggyNamespaceSuffix() {
        String key = pluggy.apiKeyRedisKey();
        return key.substring(config.redisPrefix().length() + 1, key.length() - ":api-key".length());
    }

    /** Each replica reuses the shared key locally for pluggy.api-key-local-ttl (1 s in tests). */
    private static void outliveLocalCopies() {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitGone(String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && redis.key().exists(key).await().atMost(WAIT)) {
            Thread.onSpinWait();
        }
    }

    private String fault(String path, String method, String kind, Integer count, Long latencyMs, Integer retryAfter) {
        String id = Sandbox.fault(path, method, kind, count, latencyMs, retryAfter);
        faults.add(id);
        return id;
    }

}
