package io.financehub.sandbox;

import static io.financehub.sandbox.Sandbox.apiKey;
import static io.financehub.sandbox.Sandbox.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class RateLimitAndFaultTest {

    private String key;

    @BeforeEach
    void setUp() {
        Sandbox.reset();
        key = apiKey();
    }

    @AfterEach
    void tearDown() {
        Sandbox.reset();
    }

    private static void settings(Map<String, Object> body) {
        given().contentType("application/json").body(body).post("/sandbox/settings").then().statusCode(200);
    }

    private static void fault(Map<String, Object> body) {
        given().contentType("application/json").body(body).post("/sandbox/faults").then().statusCode(200);
    }

    @Test
    void patchItemsIsLimitedPerMinuteWithPluggysHeaders() {
        settings(Map.of("itemUpdatesPerMinute", 2));
        String id = Sandbox.scenario("BANK", 1).getString("item.id");
        for (int i = 0; i < 2; i++) {
            as(key).body(Map.of()).patch("/items/" + id).then().header("RateLimit-Limit", "2");
            Sandbox.awaitStatus(key, id, "UPDATED");
        }
        as(key).body(Map.of()).patch("/items/" + id).then().statusCode(429).header("Retry-After", "60")
                .header("RateLimit-Remaining", "0").header("RateLimit-Reset", notNullValue())
                .body("code", equalTo(429)).body("message", notNullValue());
        as(key).get("/items/" + id).then().statusCode(200);
    }

    @Test
    void authAndTransactionsHaveTheirOwnLimitsAndCanBeSwitchedOff() {
        settings(Map.of("authPerMinute", 1, "transactionsPerMinute", 1));
        apiKey();
        given().contentType("application/json").body(Map.of("clientId", "a", "clientSecret", "b")).post("/auth")
                .then().statusCode(429);
        String accountId = Sandbox.scenario("BANK", 1).getString("accounts[0].id");
        as(key).get("/transactions?accountId=" + accountId).then().statusCode(200).header("RateLimit-Remaining", "0");
        as(key).get("/transactions?accountId=" + accountId).then().statusCode(429);
        as(key).get("/v2/transactions?accountId=" + accountId).then().statusCode(200);
        settings(Map.of("rateLimitsEnabled", false));
        as(key).get("/transactions?accountId=" + accountId).then().statusCode(200);
    }

    @Test
    void injectsAddedLatency() {
        fault(Map.of("path", "/categories", "kind", "LATENCY", "latencyMs", 800, "count", 1));
        long t0 = System.nanoTime();
        as(key).get("/categories").then().statusCode(200);
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 780);
        long t1 = System.nanoTime();
        as(key).get("/categories").then().statusCode(200);
        assertTrue((System.nanoTime() - t1) / 1_000_000 < 780, "only the next call");
    }

    @Test
    void injectsA429WithRetryAfterForTheNextNCalls() {
        fault(Map.of("path", "/connectors/**", "kind", "RATE_LIMIT", "retryAfterSeconds", 7, "count", 2));
        as(key).get("/connectors/0").then().statusCode(429).header("Retry-After", "7");
        as(key).get("/connectors/0").then().statusCode(429);
        as(key).get("/connectors/0").then().statusCode(200);
    }

    @Test
    void injects500And503() {
        fault(Map.of("path", "/categories", "method", "GET", "kind", "ERROR_500", "count", 1));
        fault(Map.of("path", "/categories/*", "kind", "ERROR_503", "count", 1));
        as(key).get("/categories").then().statusCode(500).body("code", equalTo(500));
        as(key).get("/categories/05070000").then().statusCode(503).body("code", equalTo(503));
        as(key).get("/categories/05070000").then().statusCode(200);
        given().get("/sandbox/faults").then().body("fired", org.hamcrest.Matchers.hasItems(1, 1));
    }

    @Test
    void failsAShareOfCallsReproducibly() {
        fault(Map.of("path", "/categories", "kind", "ERROR_503", "rate", 0.5));
        int failures = 0;
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            int status = as(key).get("/categories").statusCode();
            pattern.append(status == 503 ? 'x' : '.');
            failures += status == 503 ? 1 : 0;
        }
        assertTrue(failures > 8 && failures < 32, pattern.toString());
        Sandbox.reset();
        key = apiKey();
        fault(Map.of("path", "/categories", "kind", "ERROR_503", "rate", 0.5));
        StringBuilder again = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            again.append(as(key).get("/categories").statusCode() == 503 ? 'x' : '.');
        }
        assertEquals(pattern.toString(), again.toString(), "same seed, same faults");
    }

    @Test
    void injectsTimeoutsAndDroppedConnections() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create("http://localhost:8091/categories");
        fault(Map.of("path", "/categories", "kind", "TIMEOUT", "latencyMs", 3000, "count", 1));
        HttpRequest request = HttpRequest.newBuilder(uri).header("X-API-KEY", key).timeout(Duration.ofMillis(500))
                .build();
        assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));

        given().delete("/sandbox/faults").then().statusCode(200);
        fault(Map.of("path", "/categories", "kind", "DROP_CONNECTION", "count", 1));
        HttpRequest plain = HttpRequest.newBuilder(uri).header("X-API-KEY", key).timeout(Duration.ofSeconds(5))
                .build();
        assertThrows(IOException.class, () -> client.send(plain, HttpResponse.BodyHandlers.ofString()));
        assertEquals(200, client.send(plain, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void faultsNeverTouchTheControlApi() {
        fault(Map.of("path", "/**", "kind", "ERROR_500"));
        Response r = given().get("/sandbox/faults");
        assertEquals(200, r.statusCode());
        as(key).get("/connectors").then().statusCode(500);
    }
}
