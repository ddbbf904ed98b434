package io.financehub.sandbox;

import static io.financehub.sandbox.Sandbox.apiKey;
import static io.financehub.sandbox.Sandbox.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Transaction pages are answered on the Vert.x router ({@code PageRoute}) unless the request is one it leaves to the
 * JAX-RS resource. Both must give the same bytes as the sandbox always has, with faults, rate limits and the API-key
 * check still in front.
 */
@QuarkusTest
class TransactionPageFastPathTest {

    /**
     * SHA-256 of the pages below, recorded from the implementation before pages had a fast path (createdAt/updatedAt
     * and the host of next links normalised, since they vary by run): the content is a function of the seeds alone.
     */
    private static final String RECORDED = "2d3c82073abb9f9eef868f9d5ca95d79cae838606acad244510353d9a7d837d2";

    private String key;

    @BeforeEach
    void setUp() {
        Sandbox.reset();
        key = apiKey();
    }

    /** The body of a 200, the query sent exactly as written. */
    private byte[] get(String pathAndQuery) {
        return as(key).urlEncodingEnabled(false).get(pathAndQuery).then().statusCode(200).extract().asByteArray();
    }

    @Test
    void pagesAreByteForByteThoseOfTheRecordedImplementation() throws Exception {
        JsonPath a = Sandbox.scenario(Map.of("connectorId", 0, "transactionCount", 1200, "accounts",
                List.of(Map.of("type", "BANK"), Map.of("type", "BANK", "subtype", "SAVINGS_ACCOUNT"),
                        Map.of("type", "CREDIT")), "dateFrom", "2025-01-01", "dateTo", "2025-06-30", "seed", 42));
        given().contentType("application/json").body(Map.of("add", 7, "change", 3, "reId", 3, "delete", 2,
                "postPending", true)).post("/sandbox/items/" + a.getString("item.id") + "/executions").then()
                .statusCode(200);
        JsonPath b = Sandbox.scenario(Map.of("connectorId", 1, "transactionCount", 700, "dateFrom", "2025-03-01",
                "dateTo", "2025-06-30", "seed", 43));
        JsonPath c = Sandbox.scenario(Map.of("connectorId", 5, "transactionCount", 600, "dateFrom", "2025-03-01",
                "dateTo", "2025-06-30", "seed", 44));
        List<String> accounts = new ArrayList<>();
        for (JsonPath s : List.of(a, b, c)) {
            accounts.addAll(s.getList("accounts.id"));
        }
        List<String> bodies = new ArrayList<>();
        for (String account : accounts) {
            String after = null;
            do {
                String body = new String(get("/v2/transactions?accountId=" + account
                        + (after == null ? "" : "&after=" + after)), StandardCharsets.UTF_8);
                bodies.add(body);
                String next = new JsonPath(body).getString("next");
                after = next == null ? null : next.replaceAll(".*after=([^&]+).*", "$1");
            } while (after != null);
            bodies.add(new String(get("/transactions?accountId=" + account + "&pageSize=500&page=2"),
                    StandardCharsets.UTF_8));
            bodies.add(new String(get("/transactions?accountId=" + account
                    + "&from=2025-04-01&to=2025-04-30&pageSize=100"), StandardCharsets.UTF_8));
        }
        assertEquals(27, bodies.size());
        String text = String.join("\n", bodies).replaceAll("\"(createdAt|updatedAt)\":\"[^\"]*\"", "\"$1\":\"T\"")
                .replaceAll("\"next\":\"http://[^/]+/", "\"next\":\"BASE/");
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(RECORDED, digest);
    }

    /** '%2D' for a '-' is left to the resource by the route: the same page through both paths. */
    private static String viaResource(String accountId) {
        return accountId.replaceFirst("-", "%2D");
    }

    @Test
    void theRouteAndTheResourceGiveTheSameBytes() {
        String accountId = Sandbox.scenario("BANK", 1_200).getString("accounts[0].id");
        String v2 = "/v2/transactions?dateFrom=2025-02-01&pageSize=300&accountId=";
        byte[] fast = get(v2 + accountId);
        String next = new JsonPath(new String(fast, StandardCharsets.UTF_8)).getString("next");
        String after = next.replaceAll(".*after=([^&]+).*", "$1");
        assertArrayEquals(get(v2 + viaResource(accountId)), fast);
        assertArrayEquals(get(v2 + viaResource(accountId) + "&after=" + after), get(v2 + accountId + "&after="
                + after));
        String v1 = "/transactions?from=2025-03-01&to=2025-05-31&pageSize=250&page=3&accountId=";
        assertArrayEquals(get(v1 + viaResource(accountId)), get(v1 + accountId));
        // next links carry the host the client used, whichever path answered and whatever was cached.
        String local = as(key).get(URI.create("http://127.0.0.1:8091" + v2 + accountId)).then().statusCode(200)
                .extract().path("next");
        assertTrue(local.startsWith("http://127.0.0.1:8091/v2/transactions?accountId=" + accountId
                + "&dateFrom=2025-02-01&pageSize=300&after="), local);
        assertTrue(next.startsWith("http://localhost:8091/"), next);
    }

    @Test
    void aCursorWalkGetsEveryTransactionOnceWhilePagesAreGeneratedAhead() throws Exception {
        String accountId = Sandbox.scenario("BANK", 5_000).getString("accounts[0].id");
        ObjectMapper json = new ObjectMapper();
        String next = "/v2/transactions?accountId=" + accountId;
        List<String> ids = new ArrayList<>();
        int pages = 0;
        while (next != null) {
            JsonNode page = json.readTree(get(next));
            page.get("results").forEach(t -> ids.add(t.get("id").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText().replaceFirst("^http://[^/]+", "");
            pages++;
        }
        assertEquals(10, pages);
        assertEquals(given().get("/sandbox/accounts/" + accountId + "/truth").then().extract().jsonPath()
                .getList("transactions.id"), ids);
    }

    @Test
    void faultsRateLimitsAndKeysStayInFront() {
        String accountId = Sandbox.scenario("BANK", 600).getString("accounts[0].id");
        String v2 = "/v2/transactions?accountId=" + accountId;
        String v1 = "/transactions?accountId=" + accountId;
        given().contentType("application/json").body(Map.of("transactionsPerMinute", 1)).post("/sandbox/settings")
                .then().statusCode(200);
        as(key).get(v1).then().statusCode(200).header("RateLimit-Remaining", "0");
        as(key).get(v1).then().statusCode(429).header("Retry-After", "60");
        given().contentType("application/json").body(Map.of("rateLimitsEnabled", false)).post("/sandbox/settings")
                .then().statusCode(200);
        get(v2);
        get(v1);
        given().get(v2).then().statusCode(403).body("code", equalTo(403));
        as("not-a-key").get(v1).then().statusCode(403);
        String expired = given().post("/sandbox/api-keys?ttlSeconds=-1").then().statusCode(200).extract()
                .path("apiKey");
        as(expired).get(v2).then().statusCode(401).body("codeDescription", equalTo("API_KEY_EXPIRED"));
        String token = as(key).body(Map.of()).post("/connect_token").then().statusCode(200).extract()
                .path("accessToken");
        as(token).get(v2).then().statusCode(403);
        as(key).get(v2 + "&pageSize=501").then().statusCode(400).body("code", equalTo(400));
        as(key).get(v2 + "&after=bm9wZQ").then().statusCode(400);
        as(key).get("/v2/transactions?accountId=nope").then().statusCode(404);

        given().contentType("application/json").body(Map.of("path", "/v2/transactions", "kind", "ERROR_503",
                "count", 1)).post("/sandbox/faults").then().statusCode(200);
        as(key).get(v2).then().statusCode(503).body("code", equalTo(503));
        get(v2);
        given().contentType("application/json").body(Map.of("path", "/transactions", "kind", "LATENCY",
                "latencyMs", 400, "count", 1)).post("/sandbox/faults").then().statusCode(200);
        long t0 = System.nanoTime();
        get(v1);
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() >= 380);

        given().contentType("application/json").body(Map.of("v1TransactionsGone", true)).post("/sandbox/settings")
                .then().statusCode(200);
        as(key).get(v1).then().statusCode(410).body("codeDescription", equalTo("ENDPOINT_DEPRECATED"));
    }
}
