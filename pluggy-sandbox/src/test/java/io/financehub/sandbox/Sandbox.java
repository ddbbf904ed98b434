package io.financehub.sandbox;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Test helpers that speak to the running sandbox over HTTP, as the services will. */
public final class Sandbox {

    public static final String CLIENT_ID = "sandbox-client-id";
    public static final String CLIENT_SECRET = "sandbox-client-secret";
    public static final String WEBHOOK_SECRET = "sandbox-webhook-secret";

    private Sandbox() {
    }

    public static void reset() {
        given().post("/sandbox/reset").then().statusCode(200);
    }

    public static String apiKey() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET))
                .post("/auth").then().statusCode(200).extract().path("apiKey");
    }

    public static RequestSpecification as(String key) {
        return given().header("X-API-KEY", key).contentType(ContentType.JSON);
    }

    /** A connected item with one account of the given type and count; returns the scenario's JSON. */
    public static JsonPath scenario(String type, long count) {
        return scenario(Map.of("connectorId", 0, "transactionCount", count,
                "accounts", List.of(Map.of("type", type)), "dateFrom", "2025-01-01", "dateTo", "2025-06-30"));
    }

    public static JsonPath scenario(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/sandbox/scenarios").then().statusCode(200)
                .extract().jsonPath();
    }

    public static String createItem(String key, int connectorId, Map<String, String> parameters) {
        return as(key).body(Map.of("connectorId", connectorId, "parameters", parameters)).post("/items").then()
                .statusCode(200).extract().path("id");
    }

    /** Polls GET /items/{id} until the predicate holds; returns the item. */
    public static JsonPath awaitItem(String key, String itemId, Predicate<JsonPath> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonPath item = null;
        while (System.nanoTime() < deadline) {
            item = as(key).get("/items/" + itemId).then().statusCode(200).extract().jsonPath();
            if (done.test(item)) {
                return item;
            }
            sleep(20);
        }
        throw new AssertionError("item never reached the expected state, last: " + (item == null ? null
                : item.prettify()));
    }

    public static JsonPath awaitStatus(String key, String itemId, String status) {
        return awaitItem(key, itemId, i -> status.equals(i.getString("status")));
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
