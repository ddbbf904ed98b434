package io.financehub.sandbox;

import static io.financehub.sandbox.Sandbox.apiKey;
import static io.financehub.sandbox.Sandbox.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ExecutionAndDeterminismTest {

    private String key;

    @BeforeEach
    void setUp() {
        Sandbox.reset();
        key = apiKey();
    }

    private static Map<String, Object> scenarioBody(long seed) {
        return Map.of("connectorId", 0, "transactionCount", 300, "accounts",
                List.of(Map.of("type", "BANK"), Map.of("type", "CREDIT")), "dateFrom", "2025-01-01",
                "dateTo", "2025-06-30", "seed", seed);
    }

    private List<Map<String, Object>> firstPage(String accountId) {
        return as(key).get("/v2/transactions?accountId=" + accountId).then().extract().jsonPath().getList("results");
    }

    @Test
    void theSameSeedGivesTheSameIdsDatesAndAmounts() {
        JsonPath a = Sandbox.scenario(scenarioBody(7));
        List<Map<String, Object>> pageA = firstPage(a.getString("accounts[0].id"));
        Sandbox.reset();
        JsonPath b = Sandbox.scenario(scenarioBody(7));
        assertEquals(a.getString("item.id"), b.getString("item.id"));
        assertEquals(a.getList("accounts.id"), b.getList("accounts.id"));
        List<Map<String, Object>> pageB = firstPage(b.getString("accounts[0].id"));
        for (String field : List.of("id", "date", "amount", "description", "balance", "categoryId")) {
            assertEquals(pageA.stream().map(t -> t.get(field)).toList(), pageB.stream().map(t -> t.get(field)).toList(),
                    field);
        }
        Sandbox.reset();
        JsonPath c = Sandbox.scenario(scenarioBody(8));
        List<Map<String, Object>> pageC = firstPage(c.getString("accounts[0].id"));
        assertNotEquals(pageA.stream().map(t -> t.get("amount")).toList(),
                pageC.stream().map(t -> t.get("amount")).toList());
    }

    @Test
    void anExecutionAddsPostsChangesReIdsAndDeletesWithItsWebhooks() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath s = Sandbox.scenario(Map.of("connectorId", 0, "transactionCount", 400,
                    "accounts", List.of(Map.of("type", "BANK")), "webhookUrl", receiver.url("/item"),
                    "dateFrom", "2025-01-01", "dateTo", "2025-06-30"));
            String itemId = s.getString("item.id");
            String accountId = s.getString("accounts[0].id");
            Set<String> before = new HashSet<>(given().get("/sandbox/accounts/" + accountId + "/truth").then()
                    .extract().jsonPath().getList("transactions.id"));

            JsonPath exec = given().contentType("application/json")
                    .body(Map.of("add", 5, "change", 2, "reId", 2, "delete", 3))
                    .post("/sandbox/items/" + itemId + "/executions").then().statusCode(200).extract().jsonPath();
            List<String> created = exec.getList("accounts[0].createdTransactionIds");
            List<String> updated = exec.getList("accounts[0].updatedTransactionIds");
            List<String> deleted = exec.getList("accounts[0].deletedTransactionIds");
            assertEquals(7, created.size(), "5 new + 2 re-ids");
            assertEquals(5, deleted.size(), "3 deleted + 2 re-ids");
            assertTrue(updated.size() >= 2);

            JsonPath truth = given().get("/sandbox/accounts/" + accountId + "/truth").then().extract().jsonPath();
            Set<String> after = new HashSet<>(truth.getList("transactions.id"));
            assertEquals(400 + 7 - 5, truth.getInt("count"));
            deleted.forEach(id -> assertFalse(after.contains(id), id));
            created.forEach(id -> assertTrue(after.contains(id) && !before.contains(id), id));
            deleted.forEach(id -> as(key).get("/transactions/" + id).then().statusCode(404));

            // The ledger a client rebuilds from the API equals the truth.
            List<Map<String, Object>> all = new java.util.ArrayList<>();
            String next = null;
            do {
                String url = next == null ? "/v2/transactions?accountId=" + accountId
                        : next.substring(next.indexOf("/v2/"));
                JsonPath page = as(key).get(url).then().statusCode(200).extract().jsonPath();
                all.addAll(page.getList("results"));
                next = page.getString("next");
            } while (next != null);
            assertEquals(truth.getList("transactions.id"), all.stream().map(t -> t.get("id")).toList());
            BigDecimal running = new BigDecimal(String.valueOf(all.get(all.size() - 1).get("balance")));
            assertEquals(0, running.compareTo(new BigDecimal(truth.getString("balance"))));

            String from = receiver.await(r -> r.text().contains("transactions/created"), 1, Duration.ofSeconds(5))
                    .stream().map(r -> new JsonPath(r.text())).findFirst().orElseThrow()
                    .getString("transactionsCreatedAtFrom");
            JsonPath createdPage = as(key).get("/v2/transactions?accountId=" + accountId + "&createdAtFrom=" + from)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(new HashSet<>(created), new HashSet<>(createdPage.getList("results.id")));
            JsonPath deletedEvent = new JsonPath(receiver.await(r -> r.text().contains("transactions/deleted"), 1,
                    Duration.ofSeconds(5)).get(0).text());
            assertEquals(new HashSet<>(deleted), new HashSet<>(deletedEvent.getList("transactionIds")));
            assertEquals(accountId, deletedEvent.getString("accountId"));
            receiver.await(r -> r.text().contains("transactions/updated"), 1, Duration.ofSeconds(5));
            receiver.await(r -> r.text().contains("item/updated"), 1, Duration.ofSeconds(5));
            given().get("/sandbox/items/" + itemId + "/executions").then().statusCode(200);
        }
    }
}
