package io.financehub.connection;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
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

/** Items: reading, deleting, sync requests; and that another company's ids answer 404 everywhere. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(SandboxTestResource.class)
class ItemsTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource db;

    @Test
    void listAndDetailShowStateConnectorAccountsAndWhatToDoNext() {
        UUID company = UUID.randomUUID();
        JsonPath scenario = Sandbox.scenario(company.toString(), 0);
        String pluggyItemId = scenario.getString("item.id");
        String itemId = Api.callback(company, pluggyItemId).statusCode(200).extract().path("data.item.id");

        Api.member(company).get("/api/banking/items/").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(itemId))
                .body("[0].status", equalTo("UPDATED"))
                .body("[0].next_action", equalTo("NONE"))
                .body("[0].accounts", hasSize(scenario.getList("accounts").size()));
        for (String id : List.of(itemId, pluggyItemId)) {
            Api.member(company).get("/api/banking/items/" + id + "/").then().statusCode(200)
                    .body("id", equalTo(itemId))
                    .body("pluggy_item_id", equalTo(pluggyItemId))
                    .body("execution_status", equalTo("SUCCESS"))
                    .body("connector.name", equalTo(scenario.getString("item.connector.name")))
                    .body("requires_reconnection", equalTo(false))
                    .body("can_retry", equalTo(false));
        }
    }

    @Test
    void anotherCompanysIdsAnswer404OnEveryEndpoint() {
        UUID owner = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        JsonPath scenario = Sandbox.scenario(owner.toString(), 0);
        String pluggyItemId = scenario.getString("item.id");
        String itemId = Api.callback(owner, pluggyItemId).statusCode(200).extract().path("data.item.id");
        String accountId = scenario.getString("accounts[0].id");

        for (String id : List.of(itemId, pluggyItemId)) {
            Api.admin(stranger).get("/api/banking/items/" + id + "/").then().statusCode(404)
                    .contentType("application/problem+json").body("code", equalTo("not_found"));
            Api.admin(stranger).body("{}").post("/api/banking/items/" + id + "/sync/").then().statusCode(404);
            Api.admin(stranger).get("/api/banking/items/" + id + "/mfa/").then().statusCode(404);
            Api.admin(stranger).body(Map.of("value", "123456")).post("/api/banking/items/" + id + "/mfa/").then()
                    .statusCode(404);
            Api.admin(stranger).delete("/api/banking/items/" + id + "/").then().statusCode(404);
        }
        Api.admin(stranger).body("{}").post("/api/banking/accounts/" + accountId + "/sync/").then().statusCode(404);
        Api.admin(stranger).body(Map.of("item_id", itemId)).post("/api/banking/pluggy/connect-token/").then()
                .statusCode(404);
        Api.admin(stranger).get("/api/banking/items/").then().statusCode(200).body("$", hasSize(0));

        assertEquals(200, Sandbox.itemStatusCode(pluggyItemId), "nothing was deleted at Pluggy");
        assertEquals(0, Db.count(db, "SELECT count(*) FROM outbox WHERE message_key = ? AND envelope LIKE '%\"USER\"%'",
                pluggyItemId), "no sync was requested");
    }

    @Test
    void deleteRemovesTheItemAtPluggyAndHereAndTellsTheLedgerToEraseIt() {
        UUID company = UUID.randomUUID();
        JsonPath scenario = Sandbox.scenario(company.toString(), 0);
        String pluggyItemId = scenario.getString("item.id");
        String itemId = Api.callback(company, pluggyItemId).statusCode(200).extract().path("data.item.id");
        List<String> accountIds = scenario.getList("accounts.id");

        try (KafkaTopics.Reader accounts = KafkaTopics.readerAtEnd(Topics.ACCOUNTS)) {
            Api.member(company).delete("/api/banking/items/" + itemId + "/").then().statusCode(403);
            Api.admin(company).delete("/api/banking/items/" + itemId + "/").then().statusCode(204);

            List<ConsumerRecord<String, String>> removed = accounts.await(
                    r -> pluggyItemId.equals(r.key()) && r.value().contains("item.removed"), 1, KAFKA_WAIT);
            JsonPath event = JsonPath.from(removed.get(0).value());
            assertEquals("item.removed", event.getString("type"));
            assertEquals("DELETE", event.getString("payload.mode"));
            assertEquals(accountIds.stream().sorted().toList(),
                    event.getList("payload.pluggyAccountIds", String.class).stream().sorted().toList());
        }
        assertEquals(404, Sandbox.itemStatusCode(pluggyItemId));
        Api.admin(company).get("/api/banking/items/" + itemId + "/").then().statusCode(404);
        Api.admin(company).get("/api/banking/items/").then().statusCode(200).body("$", hasSize(0));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM accounts WHERE item_id = ?", UUID.fromString(itemId)));
    }

    @Test
    void deleteKeepingHistoryArchives() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");
        String itemId = Api.callback(company, pluggyItemId).statusCode(200).extract().path("data.item.id");

        try (KafkaTopics.Reader accounts = KafkaTopics.readerAtEnd(Topics.ACCOUNTS)) {
            Api.admin(company).queryParam("keep_history", "maybe").delete("/api/banking/items/" + itemId + "/").then()
                    .statusCode(400);
            Api.admin(company).queryParam("keep_history", "true").delete("/api/banking/items/" + itemId + "/").then()
                    .statusCode(204);
            JsonPath event = JsonPath.from(accounts.await(
                    r -> pluggyItemId.equals(r.key()) && r.value().contains("item.removed"), 1, KAFKA_WAIT)
                    .get(0).value());
            assertEquals("ARCHIVE", event.getString("payload.mode"));
        }
    }

    @Test
    void syncRequestCarriesTheWindowAndRepeatedClicksCoalesce() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");
        String itemId = Api.callback(company, pluggyItemId).statusCode(200).extract().path("data.item.id");
        Map<String, Object> body = Map.of("force", true, "from_date", "2025-01-01", "to_date", "2025-03-31");

        try (KafkaTopics.Reader syncs = KafkaTopics.readerAtEnd(Topics.SYNC_REQUESTS)) {
            JsonPath first = Api.member(company).body(body).post("/api/banking/items/" + itemId + "/sync/").then()
                    .statusCode(202).body("success", equalTo(true))
                    .body("data.scheduled", equalTo(true))
                    .body("data.coalesced", equalTo(false))
                    .body("data.delivery", equalTo("published"))
                    .body("data.from_date", equalTo("2025-01-01"))
                    .extract().jsonPath();
            String requestId = first.getString("data.request_id");
            Api.member(company).body(body).post("/api/banking/items/" + itemId + "/sync/").then().statusCode(202)
                    .body("data.request_id", equalTo(requestId))
                    .body("data.coalesced", equalTo(true));

            List<ConsumerRecord<String, String>> requests = syncs.await(
                    r -> pluggyItemId.equals(r.key()) && r.value().contains("\"USER\""), 2, Duration.ofSeconds(4));
            assertEquals(1, requests.size(), "two clicks, one request");
            JsonPath request = JsonPath.from(requests.get(0).value());
            assertEquals(requestId, request.getString("payload.requestId"));
            assertEquals(requestId, request.getString("id"));
            assertEquals(company.toString(), request.getString("companyId"));
            assertEquals("2025-01-01", request.getString("payload.fromDate"));
            assertEquals("2025-03-31", request.getString("payload.toDate"));
            assertTrue(request.getBoolean("payload.force"));
        }
    }

    @Test
    void accountSyncTargetsOneAccountOfTheItem() {
        UUID company = UUID.randomUUID();
        JsonPath scenario = Sandbox.scenario(company.toString(), 0);
        String pluggyItemId = scenario.getString("item.id");
        Api.callback(company, pluggyItemId).statusCode(200);
        String accountId = scenario.getString("accounts[0].id");

        try (KafkaTopics.Reader syncs = KafkaTopics.readerAtEnd(Topics.SYNC_REQUESTS)) {
            Api.member(company).body("{}").post("/api/banking/accounts/" + accountId + "/sync/").then().statusCode(202)
                    .body("data.account_id", equalTo(accountId))
                    .body("data.item_id", equalTo(pluggyItemId));
            JsonPath request = JsonPath.from(syncs.await(
                    r -> pluggyItemId.equals(r.key()) && r.value().contains("\"USER\""), 1, KAFKA_WAIT)
                    .get(0).value());
            assertEquals(accountId, request.getString("payload.accountId"));
            assertEquals("USER", request.getString("payload.trigger"));
        }
        Api.member(company).body("{}").post("/api/banking/accounts/" + UUID.randomUUID() + "/sync/").then()
                .statusCode(404);
    }

    @Test
    void syncRejectsBadWindowsAndWritesNothing() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");
        String itemId = Api.callback(company, pluggyItemId).statusCode(200).extract().path("data.item.id");
        long before = Db.count(db, "SELECT count(*) FROM outbox WHERE message_key = ?", pluggyItemId);
        String tomorrowPlusOne = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();

        Api.member(company).body(Map.of("from_date", "2025-03-01", "to_date", "2025-01-01"))
                .post("/api/banking/items/" + itemId + "/sync/").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("invalid_window"));
        Api.member(company).body(Map.of("to_date", tomorrowPlusOne)).post("/api/banking/items/" + itemId + "/sync/")
                .then().statusCode(400).body("code", equalTo("invalid_window"));
        Api.member(company).body(Map.of("from_date", "01/02/2025")).post("/api/banking/items/" + itemId + "/sync/")
                .then().statusCode(400);
        Api.member(company).body(Map.of("force", "yes please")).post("/api/banking/items/" + itemId + "/sync/")
                .then().statusCode(400);

        assertEquals(before, Db.count(db, "SELECT count(*) FROM outbox WHERE message_key = ?", pluggyItemId));
    }

    @Test
    void anItemThatNeedsReconnectingRefusesASyncAndSaysWhy() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");
        String itemId = Api.callback(company, pluggyItemId).statusCode(200).extract().path("data.item.id");

        Events.publishStatus(Events.status(pluggyItemId, "LOGIN_ERROR", "INVALID_CREDENTIALS", "INVALID_CREDENTIALS",
                "Invalid credentials", Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "LOGIN_ERROR".equals(
                Db.single(db, "SELECT status FROM items WHERE pluggy_item_id = ?", pluggyItemId)));

        Api.member(company).get("/api/banking/items/" + itemId + "/").then().statusCode(200)
                .body("next_action", equalTo("RECONNECT"))
                .body("requires_reconnection", equalTo(true))
                .body("error_code", equalTo("INVALID_CREDENTIALS"));
        Api.member(company).body("{}").post("/api/banking/items/" + itemId + "/sync/").then().statusCode(409)
                .body("code", equalTo("requires_reconnection"));
    }
}
