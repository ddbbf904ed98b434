package io.financehub.sync.testing;

import static io.financehub.support.testing.SandboxProcess.pause;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/** The sandbox's control API and the few Pluggy calls a test makes itself (creating items that must log in). */
public final class SandboxApi {

    /** A scenario: a connected item and its accounts. */
    public record Scenario(String itemId, List<String> accountIds) {
        public String accountId() {
            return accountIds.get(0);
        }
    }

    /** What the sandbox holds for an account: live ids with their amounts (to the cent), count and sum. */
    public record Truth(Map<String, BigDecimal> amounts, Map<String, String> statuses, long count, BigDecimal sum) {
    }

    /** The ids an execution created, updated and deleted in one account. */
    public record Changes(String accountId, List<String> created, List<String> updated, List<String> deleted) {
    }

    private final SandboxProcess sandbox;

    public SandboxApi(SandboxProcess sandbox) {
        this.sandbox = sandbox;
    }

    public static SandboxApi current() {
        return new SandboxApi(SandboxResource.sandbox());
    }

    public SandboxProcess process() {
        return sandbox;
    }

    /** A connected item of the company with one account per type, each with {@code count} transactions. */
    public Scenario scenario(UUID companyId, long count, String... types) {
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (String type : types.length == 0 ? new String[] { "BANK" } : types) {
            accounts.add(Map.of("type", type));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connectorId", 0);
        body.put("clientUserId", companyId.toString());
        body.put("transactionCount", count);
        body.put("accounts", accounts);
        body.put("dateFrom", "2024-01-01");
        body.put("dateTo", "2025-06-30");
        JsonNode scenario = tree(sandbox.post("/sandbox/scenarios", Broker.json(body)));
        List<String> ids = new ArrayList<>();
        scenario.get("accounts").forEach(a -> ids.add(a.get("id").asText()));
        return new Scenario(scenario.get("item").get("id").asText(), ids);
    }

    /** Runs an execution at once: the bank's data changes as asked. */
    public List<Changes> execute(String itemId, int add, int change, int reId, int delete, boolean postPending) {
        String body = Broker.json(Map.of("add", add, "change", change, "reId", reId, "delete", delete,
                "postPending", postPending));
        JsonNode record = tree(sandbox.post("/sandbox/items/" + itemId + "/executions", body));
        List<Changes> changes = new ArrayList<>();
        for (JsonNode a : record.get("accounts")) {
            changes.add(new Changes(a.get("accountId").asText(), strings(a.get("createdTransactionIds")),
                    strings(a.get("updatedTransactionIds")), strings(a.get("deletedTransactionIds"))));
        }
        return changes;
    }

    public Truth truth(String accountId) {
        JsonNode truth = tree(sandbox.get("/sandbox/accounts/" + accountId + "/truth"));
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        Map<String, String> statuses = new LinkedHashMap<>();
        for (JsonNode t : truth.get("transactions")) {
            amounts.put(t.get("id").asText(), new BigDecimal(t.get("amount").asText()).setScale(2));
            statuses.put(t.get("id").asText(), t.get("status").asText());
        }
        return new Truth(amounts, statuses, truth.get("count").asLong(),
                new BigDecimal(truth.get("sum").asText()).setScale(2));
    }

    /** A fault on Pluggy's paths: kind RATE_LIMIT, ERROR_500, LATENCY, ...; {@code count} null: every call. */
    public void fault(String path, String kind, Integer count, Long latencyMs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("path", path);
        body.put("kind", kind);
        if (count != null) {
            body.put("count", count);
        }
        if (latencyMs != null) {
            body.put("latencyMs", latencyMs);
        }
        body.put("retryAfterSeconds", 1);
        sandbox.post("/sandbox/faults", Broker.json(body));
    }

    public int faultsFired() {
        int fired = 0;
        for (JsonNode f : tree(sandbox.get("/sandbox/faults"))) {
            fired += f.get("fired").asInt();
        }
        return fired;
    }

    public void clearFaults() {
        sandbox.delete("/sandbox/faults");
    }

    public String apiKey() {
        return tree(sandbox.post("/auth", "{\"clientId\":\"sandbox-client-id\",\"clientSecret\":\"sandbox-client-secret\"}"))
                .get("apiKey").asText();
    }

    /** Creates an item through Pluggy's API, which logs in as the connector's rules say. */
    public String createItem(UUID companyId, int connectorId, Map<String, String> parameters) {
        String body = Broker.json(Map.of("connectorId", connectorId, "parameters", parameters, "clientUserId",
                companyId.toString()));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl() + "/items"))
                .header("Content-Type", "application/json").header("X-API-KEY", apiKey())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        return tree(send(request)).get("id").asText();
    }

    /** Polls the item until {@code done} holds on its JSON. */
    public JsonNode awaitItem(String itemId, Predicate<JsonNode> done, Duration timeout) {
        String key = apiKey();
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode item = null;
        while (System.nanoTime() < deadline) {
            item = tree(send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(sandbox.baseUrl() + "/items/" + itemId)).header("X-API-KEY", key).GET()));
            if (done.test(item)) {
                return item;
            }
            pause(100);
        }
        throw new AssertionError("Item " + itemId + " never reached the expected state: " + item);
    }

    private static String send(java.net.http.HttpRequest.Builder request) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(String json) {
        return Broker.read(json, new TypeReference<JsonNode>() {
        });
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
