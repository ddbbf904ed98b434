package io.financehub.connection;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.financehub.connection.testing.Api;
import io.financehub.connection.testing.Db;
import io.financehub.connection.testing.Events;
import io.financehub.connection.testing.KafkaTopics;
import io.financehub.connection.testing.Sandbox;
import io.financehub.connection.testing.SandboxTestResource;
import io.financehub.contracts.Topics;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Connect token and callback, on the real sandbox, database and broker. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(SandboxTestResource.class)
class ConnectFlowTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource db;

    @Test
    void connectTokenIsForTheCallersCompanyWithTheDefaultWebhook() {
        UUID company = UUID.randomUUID();
        JsonPath answer = Api.admin(company).body("{}").post("/api/banking/pluggy/connect-token/").then()
                .statusCode(200).body("success", equalTo(true)).extract().jsonPath();

        assertEquals(Sandbox.url() + "/connect", answer.getString("data.connect_url"));
        Map<String, Object> claims = claims(answer.getString("data.connect_token"));
        assertEquals("connect", claims.get("kind"));
        assertEquals(company.toString(), claims.get("clientUserId"));
        assertEquals("http://127.0.0.1:9/api/banking/webhooks/pluggy/", claims.get("webhookUrl"));
    }

    @Test
    void connectTokenForAnItemOpensItInUpdateMode() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");
        String itemId = Api.callback(company, pluggyItemId).statusCode(200).extract().path("data.item.id");

        String token = Api.admin(company).body(Map.of("item_id", itemId, "client_user_id", company.toString(),
                "webhook_url", "https://hooks.example.com/pluggy")).post("/api/banking/pluggy/connect-token/")
                .then().statusCode(200).extract().path("data.connect_token");

        Map<String, Object> claims = claims(token);
        assertEquals(pluggyItemId, claims.get("itemId"));
        assertEquals("https://hooks.example.com/pluggy", claims.get("webhookUrl"));
    }

    @Test
    void connectTokenRefusesBadInputAndOtherCompaniesItems() {
        UUID company = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String othersItem = Api.linkedItem(other, 0);

        Api.admin(company).body(Map.of("client_user_id", other.toString())).post("/api/banking/pluggy/connect-token/")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("client_user_id_mismatch"));
        Api.admin(company).body(Map.of("webhook_url", "ftp://nope")).post("/api/banking/pluggy/connect-token/")
                .then().statusCode(400).body("code", equalTo("invalid_webhook_url"));
        Api.admin(company).body(Map.of("item_id", othersItem)).post("/api/banking/pluggy/connect-token/")
                .then().statusCode(404).body("code", equalTo("not_found"));
        Api.admin(company).body("{not json").post("/api/banking/pluggy/connect-token/").then().statusCode(400);
        Api.member(company).body("{}").post("/api/banking/pluggy/connect-token/").then().statusCode(403);
    }

    @Test
    void callbackLinksTheItemAndItsAccountsAndPublishesThemWithASyncRequest() throws Exception {
        UUID company = UUID.randomUUID();
        JsonPath scenario = Sandbox.scenario(company.toString(), 25);
        String pluggyItemId = scenario.getString("item.id");
        List<Map<String, Object>> pluggyAccounts = scenario.getList("accounts");

        try (KafkaTopics.Reader accounts = KafkaTopics.readerAtEnd(Topics.ACCOUNTS);
                KafkaTopics.Reader syncs = KafkaTopics.readerAtEnd(Topics.SYNC_REQUESTS)) {
            JsonPath answer = Api.callback(company, pluggyItemId).statusCode(200)
                    .body("success", equalTo(true))
                    .body("data.sync_scheduled", equalTo(true))
                    .body("data.item.id", notNullValue())
                    .body("data.item.pluggy_item_id", equalTo(pluggyItemId))
                    .body("data.item.status", equalTo("UPDATED"))
                    .body("data.item.next_action", equalTo("NONE"))
                    .body("data.item.connector.pluggy_id", equalTo(scenario.getInt("item.connector.id")))
                    .extract().jsonPath();

            assertEquals(pluggyAccounts.size(), answer.getList("data.accounts").size());
            for (Map<String, Object> account : pluggyAccounts) {
                BigDecimal balance = new BigDecimal(answer.getString(
                        "data.accounts.find { it.id == '" + account.get("id") + "' }.balance"));
                assertEquals(new BigDecimal(account.get("balance").toString()).setScale(2), balance.setScale(2));
            }

            List<ConsumerRecord<String, String>> snapshots = accounts.await(pluggyItemId, 1, KAFKA_WAIT);
            assertEquals(1, snapshots.size());
            JsonPath snapshot = JsonPath.from(snapshots.get(0).value());
            assertEquals("accounts.snapshot", snapshot.getString("type"));
            assertEquals(company.toString(), snapshot.getString("companyId"));
            assertEquals(pluggyAccounts.size(), snapshot.getList("payload.accounts").size());

            List<ConsumerRecord<String, String>> requests = syncs.await(pluggyItemId, 1, KAFKA_WAIT);
            assertEquals(1, requests.size());
            assertEquals("CALLBACK", JsonPath.from(requests.get(0).value()).getString("payload.trigger"));
        }
        assertEquals(pluggyAccounts.size(), Db.count(db, "SELECT count(*) FROM accounts a JOIN items i ON i.id = a.item_id"
                + " WHERE i.pluggy_item_id = ?", pluggyItemId));
    }

    @Test
    void callbackTwiceAtOnceLeavesOneItem() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");

        List<CompletableFuture<Integer>> calls = List.of(1, 2, 3).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> Api.callback(company, pluggyItemId).extract().statusCode()))
                .toList();
        calls.forEach(c -> assertEquals(200, c.join()));
        Api.callback(company, pluggyItemId).statusCode(200);

        assertEquals(1, Db.count(db, "SELECT count(*) FROM items WHERE pluggy_item_id = ?", pluggyItemId));
        Api.admin(company).get("/api/banking/items/").then().statusCode(200)
                .body("pluggy_item_id", equalTo(List.of(pluggyItemId)));
    }

    @Test
    void callbackRacingTheCreatedWebhookLeavesOneItem() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");

        CompletableFuture<Void> webhook = CompletableFuture.runAsync(
                () -> Events.publishWebhook(Events.webhook("item/created", pluggyItemId, Instant.now())));
        Api.callback(company, pluggyItemId).statusCode(200);
        webhook.join();

        // The webhook alone would also link it (the browser may never post the callback): wait until it is applied.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Db.count(db,
                "SELECT count(*) FROM processed_events p WHERE p.processed_at > now() - interval '1 minute'") > 0);
        assertEquals(1, Db.count(db, "SELECT count(*) FROM items WHERE pluggy_item_id = ?", pluggyItemId));
        assertEquals(company, Db.single(db, "SELECT company_id FROM items WHERE pluggy_item_id = ?", pluggyItemId));
    }

    @Test
    void theCreatedWebhookAloneLinksAnItemWhoseCallbackNeverCame() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");

        Events.publishWebhook(Events.webhook("item/created", pluggyItemId, Instant.now()));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Db.count(db,
                "SELECT count(*) FROM items WHERE pluggy_item_id = ?", pluggyItemId) == 1);
        Api.admin(company).get("/api/banking/items/").then().statusCode(200)
                .body("pluggy_item_id", equalTo(List.of(pluggyItemId)));
    }

    @Test
    void callbackRefusesAnItemCreatedForAnotherCompany() {
        UUID company = UUID.randomUUID();
        String foreign = Sandbox.scenario(UUID.randomUUID().toString(), 0).getString("item.id");

        Api.callback(company, foreign).statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("not_found"));

        assertEquals(0, Db.count(db, "SELECT count(*) FROM items WHERE pluggy_item_id = ?", foreign));
    }

    @Test
    void callbackRejectsBadInput() {
        UUID company = UUID.randomUUID();
        Api.admin(company).body("{}").post("/api/banking/pluggy/callback/").then().statusCode(400)
                .body("code", equalTo("item_id_required"));
        Api.callback(company, "../../etc/passwd").statusCode(400).body("code", equalTo("invalid_item_id"));
        Api.callback(company, UUID.randomUUID().toString()).statusCode(404);
        Api.member(company).body(Map.of("item_id", UUID.randomUUID().toString())).post("/api/banking/pluggy/callback/")
                .then().statusCode(403);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return Events.read(payload, Map.class);
    }

}
