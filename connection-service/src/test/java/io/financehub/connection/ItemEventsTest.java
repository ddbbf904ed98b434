package io.financehub.connection;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.Topics;
import io.financehub.contracts.events.PluggyWebhookReceived;
import io.financehub.contracts.events.WebhookError;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Item state from pluggy.webhook-events and banking.item-status, on the real broker. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(SandboxTestResource.class)
class ItemEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource db;

    @Test
    void errorWebhookStoresTheCodeAndMessageTheSpecNames() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");
        String itemId = Api.callback(company, pluggyItemId).statusCode(200).extract().path("data.item.id");

        Events.publishWebhook(Events.webhook("item/error", pluggyItemId, Instant.now(),
                new WebhookError("USER_INPUT_TIMEOUT", "The user did not answer in time"), null, List.of()));

        awaitColumn("error_code", pluggyItemId, "AUTHENTICATION_TIMEOUT");
        Api.member(company).get("/api/banking/items/" + itemId + "/").then().statusCode(200)
                .body("status", equalTo("OUTDATED"))
                .body("error_code", equalTo("AUTHENTICATION_TIMEOUT"))
                .body("error_message", equalTo("Authentication timeout. Please reconnect your account."))
                .body("reconnection_required", equalTo(true))
                .body("next_action", equalTo("RECONNECT"));
        Api.member(company).body("{}").post("/api/banking/items/" + itemId + "/sync/").then().statusCode(409)
                .body("code", equalTo("authentication_timeout"));

        Events.publishWebhook(Events.webhook("item/error", pluggyItemId, Instant.now(),
                new WebhookError("SITE_NOT_AVAILABLE", "The bank is down"), null, List.of()));
        awaitColumn("error_code", pluggyItemId, "SITE_NOT_AVAILABLE");
        Api.member(company).get("/api/banking/items/" + itemId + "/").then().statusCode(200)
                .body("status", equalTo("OUTDATED"))
                .body("can_retry", equalTo(true))
                .body("next_action", equalTo("NONE"));
    }

    @Test
    void anOlderEventNeverOverwritesANewerState() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");
        Api.callback(company, pluggyItemId).statusCode(200);
        Instant later = Instant.now().plusSeconds(5);

        Events.publishWebhook(Events.webhook("item/error", pluggyItemId, later,
                new WebhookError("INVALID_CREDENTIALS", "Wrong password"), null, List.of()));
        awaitColumn("status", pluggyItemId, "LOGIN_ERROR");
        EventEnvelope<PluggyWebhookReceived> stale = Events.webhook("item/updated", pluggyItemId,
                later.minusSeconds(3));
        Events.publishWebhook(stale);
        Awaitility.await().atMost(WAIT).until(() -> Db.count(db,
                "SELECT count(*) FROM processed_events WHERE event_id = ?", stale.id()) == 1);

        assertEquals("LOGIN_ERROR", Db.single(db, "SELECT status FROM items WHERE pluggy_item_id = ?", pluggyItemId));
        assertEquals("INVALID_CREDENTIALS",
                Db.single(db, "SELECT error_code FROM items WHERE pluggy_item_id = ?", pluggyItemId));
    }

    @Test
    void aDuplicateEventIsANoOp() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");
        Api.callback(company, pluggyItemId).statusCode(200);
        EventEnvelope<PluggyWebhookReceived> deleted = Events.webhook("transactions/deleted", pluggyItemId,
                Instant.now(), null, "acc-1", List.of("tx-1", "tx-2"));

        try (KafkaTopics.Reader syncs = KafkaTopics.readerAtEnd(Topics.SYNC_REQUESTS)) {
            Events.publishWebhook(deleted);
            Events.publishWebhook(deleted);
            List<ConsumerRecord<String, String>> requests = syncs.await(
                    r -> pluggyItemId.equals(r.key()) && r.value().contains("tx-1"), 2, Duration.ofSeconds(8));
            assertEquals(1, requests.size());
            JsonPath request = JsonPath.from(requests.get(0).value());
            assertEquals(List.of("tx-1", "tx-2"), request.getList("payload.deletedTransactionIds"));
            assertEquals("acc-1", request.getString("payload.accountId"));
            assertEquals("WEBHOOK", request.getString("payload.trigger"));
        }
    }

    @Test
    void eventsForAnItemNotKnownYetAreKeptAndAppliedWhenItArrives() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");
        EventEnvelope<PluggyWebhookReceived> early = Events.webhook("transactions/deleted", pluggyItemId,
                Instant.now(), null, "acc-9", List.of("tx-early"));

        Events.publishWebhook(early);
        Awaitility.await().atMost(WAIT).until(() -> Db.count(db,
                "SELECT count(*) FROM parked_events WHERE pluggy_item_id = ?", pluggyItemId) == 1);

        try (KafkaTopics.Reader syncs = KafkaTopics.readerAtEnd(Topics.SYNC_REQUESTS)) {
            Api.callback(company, pluggyItemId).statusCode(200);
            List<ConsumerRecord<String, String>> requests = syncs.await(
                    r -> pluggyItemId.equals(r.key()) && r.value().contains("tx-early"), 1, WAIT);
            assertEquals(1, requests.size());
        }
        assertEquals(0, Db.count(db, "SELECT count(*) FROM parked_events WHERE pluggy_item_id = ?", pluggyItemId));
    }

    @Test
    void statusEventsOfSyncServiceAndDataWebhooksUpdateTheItem() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");
        String itemId = Api.callback(company, pluggyItemId).statusCode(200).extract().path("data.item.id");

        Events.publishStatus(Events.status(pluggyItemId, "OUTDATED", "SITE_NOT_AVAILABLE", "SITE_NOT_AVAILABLE",
                "Down", Instant.now()));
        awaitColumn("status", pluggyItemId, "OUTDATED");

        try (KafkaTopics.Reader syncs = KafkaTopics.readerAtEnd(Topics.SYNC_REQUESTS)) {
            Events.publishWebhook(Events.webhook("item/updated", pluggyItemId, Instant.now().plusSeconds(1)));
            awaitColumn("status", pluggyItemId, "UPDATED");
            List<ConsumerRecord<String, String>> requests = syncs.await(
                    r -> pluggyItemId.equals(r.key()) && r.value().contains("\"WEBHOOK\""), 1, WAIT);
            assertEquals(1, requests.size(), "item/updated becomes a sync request");
        }
        Api.member(company).get("/api/banking/items/" + itemId + "/").then().statusCode(200)
                .body("error_code", equalTo(null)).body("next_action", equalTo("NONE"));
    }

    @Test
    void deletedAtPluggyRemovesTheItemAndArchivesItsData() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");
        Api.callback(company, pluggyItemId).statusCode(200);

        try (KafkaTopics.Reader accounts = KafkaTopics.readerAtEnd(Topics.ACCOUNTS)) {
            Events.publishWebhook(Events.webhook("item/deleted", pluggyItemId, Instant.now()));
            JsonPath removed = JsonPath.from(accounts.await(
                    r -> pluggyItemId.equals(r.key()) && r.value().contains("item.removed"), 1, WAIT).get(0).value());
            assertEquals("ARCHIVE", removed.getString("payload.mode"));
        }
        Api.member(company).get("/api/banking/items/").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void foreignAndUnreadableRecordsAreSkippedWithoutBlockingThePartition() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");
        Api.callback(company, pluggyItemId).statusCode(200);

        KafkaTopics.send(Topics.WEBHOOK_EVENTS, pluggyItemId, "this is not json");
        KafkaTopics.send(Topics.WEBHOOK_EVENTS, pluggyItemId,
                "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"something.else\",\"version\":1,"
                        + "\"occurredAt\":\"2025-01-01T00:00:00Z\",\"payload\":{\"x\":1}}");
        Events.publishWebhook(Events.webhook("item/error", pluggyItemId, Instant.now(),
                new WebhookError("ACCOUNT_LOCKED", "Locked"), null, List.of()));

        awaitColumn("error_code", pluggyItemId, "ACCOUNT_LOCKED");
        assertEquals("LOGIN_ERROR", Db.single(db, "SELECT status FROM items WHERE pluggy_item_id = ?", pluggyItemId));
    }

    private void awaitColumn(String column, String pluggyItemId, String expected) {
        Awaitility.await().atMost(WAIT).until(() -> expected.equals(
                Db.single(db, "SELECT " + column + " FROM items WHERE pluggy_item_id = ?", pluggyItemId)));
    }
}
