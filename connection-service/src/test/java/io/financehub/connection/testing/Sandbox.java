package io.financehub.connection.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The sandbox's control API (no API key) and, with a key it fetched itself, its Pluggy API. */
public final class Sandbox {

    public static final int PLUGGY_BANK = 0;
    public static final int PLUGGY_BANK_MFA = 2;

    private Sandbox() {
    }

    public static String url() {
        return SandboxTestResource.baseUrl;
    }

    /** A connected item with accounts, created for {@code clientUserId} as the Connect widget would. */
    public static JsonPath scenario(String clientUserId, int transactionsPerAccount) {
        return given().baseUri(url()).contentType(ContentType.JSON)
                .body(Map.of("clientUserId", clientUserId, "transactionCount", transactionsPerAccount))
                .post("/sandbox/scenarios").then().statusCode(200).extract().jsonPath();
    }

    /** A fault on Pluggy's paths: kind RATE_LIMIT, ERROR_500, ERROR_503, DROP_CONNECTION, LATENCY, TIMEOUT. */
    public static String fault(String path, String method, String kind, Integer count, Long latencyMs,
            Integer retryAfterSeconds) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("path", path);
        body.put("kind", kind);
        if (method != null) {
            body.put("method", method);
        }
        if (count != null) {
            body.put("count", count);
        }
        if (latencyMs != null) {
            body.put("latencyMs", latencyMs);
        }
        if (retryAfterSeconds != null) {
            body.put("retryAfterSeconds", retryAfterSeconds);
        }
        return given().baseUri(url()).contentType(ContentType.JSON).body(body).post("/sandbox/faults")
                .then().statusCode(200).extract().path("id");
    }

    /** How many calls a fault rule has hit so far. */
    public static long fired(String faultId) {
        List<Map<String, Object>> rules = given().baseUri(url()).get("/sandbox/faults").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return rules.stream().filter(r -> faultId.equals(r.get("id"))).findFirst()
                .map(r -> ((Number) r.get("fired")).longValue()).orElseThrow();
    }

    public static void removeFault(String faultId) {
        given().baseUri(url()).delete("/sandbox/faults/" + faultId);
    }

    public static String apiKey() {
        return given().baseUri(url()).contentType(ContentType.JSON)
                .body(Map.of("clientId", "sandbox-client-id", "clientSecret", "sandbox-client-secret"))
                .post("/auth").then().statusCode(200).extract().path("apiKey");
    }

    /** An API key the sandbox has already let expire. */
    public static String expiredApiKey() {
        return given().baseUri(url()).queryParam("ttlSeconds", -60).post("/sandbox/api-keys")
                .then().statusCode(200).extract().path("apiKey");
    }

    /** Creates an item through Pluggy's API, as the widget does, for {@code clientUserId}. */
    public static JsonPath createItem(int connectorId, Map<String, String> parameters, String clientUserId) {
        return given().baseUri(url()).header("X-API-KEY", apiKey()).contentType(ContentType.JSON)
                .body(Map.of("connectorId", connectorId, "parameters", parameters, "clientUserId", clientUserId))
                .post("/items").then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath item(String itemId) {
        return given().baseUri(url()).header("X-API-KEY", apiKey()).get("/items/" + itemId)
                .then().extract().jsonPath();
    }

    public static int itemStatusCode(String itemId) {
        return given().baseUri(url()).header("X-API-KEY", apiKey()).get("/items/" + itemId).statusCode();
    }
}
