package io.financehub.webhook;

import static io.financehub.webhook.support.Webhooks.hmac;
import static io.financehub.webhook.support.Webhooks.itemEvent;
import static io.financehub.webhook.support.Webhooks.newEventId;
import static io.financehub.webhook.support.Webhooks.newItemId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.events.PluggyWebhookReceived;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.webhook.support.Db;
import io.financehub.webhook.support.Scrape;
import io.financehub.webhook.support.TopicWatcher;
import io.financehub.webhook.support.Webhooks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

@QuarkusTest
@WithTestResource(JwtTestResource.class)
class WebhookIntakeTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(15);

    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;
    @TestHTTPResource(Webhooks.PATH)
    URI endpoint;

    private Db db;
    private TopicWatcher topic;

    @BeforeEach
    void watchTopic() {
        db = new Db(pool);
        topic = new TopicWatcher(json);
    }

    @AfterEach
    void stopWatching() {
        topic.close();
    }

    @Test
    void acceptsSignedWebhookAndPublishesItKeyedByItem() {
        UUID company = UUID.randomUUID();
        String eventId = newEventId();
        String itemId = newItemId();
        String body = itemEvent(eventId, "item/updated", itemId, company.toString());

        Webhooks.send(body).statusCode(200).contentType("application/json").body("status", equalTo("accepted"));

        Row row = db.event(eventId);
        assertEquals("item/updated", row.getString("event"));
        assertEquals(itemId, row.getString("item_id"));
        assertEquals(company, row.getUUID("company_id"));
        assertEquals(body, row.getString("body"));
        TopicWatcher.Received record = topic.awaitEventId(eventId, 1, KAFKA_WAIT).get(0);
        assertEquals(itemId, record.key());
        EventEnvelope<PluggyWebhookReceived> envelope = record.envelope();
        assertEquals(EventTypes.WEBHOOK_RECEIVED, envelope.type());
        assertEquals(company, envelope.companyId());
        assertEquals(EventEnvelope.CURRENT_VERSION, envelope.version());
        PluggyWebhookReceived payload = envelope.payload();
        assertEquals("item/updated", payload.event());
        assertEquals(itemId, payload.itemId());
        assertEquals("SYNC", payload.triggeredBy());
        assertEquals(company.toString(), payload.clientUserId());
        assertEquals(body, payload.rawBody(), "the signed bytes travel unchanged");
        Row published = db.awaitStatus(eventId, "PUBLISHED", KAFKA_WAIT);
        assertEquals(1, published.getInteger("attempts"));
        assertNotNull(published.getOffsetDateTime("published_at"));
        assertEquals(envelope.id(), db.rows("SELECT o.id FROM webhook_outbox o JOIN webhook_events e "
                + "ON e.id = o.webhook_event_id WHERE e.event_id = $1", eventId).get(0).getUUID("id"),
                "the envelope id is the outbox row's id, stable across retries");
        assertEquals(payload.receivedAt(), envelope.occurredAt());
    }

    @Test
    void acceptsTransactionsEventWithAllItsFields() {
        UUID company = UUID.randomUUID();
        String itemId = newItemId();
        Webhooks.send(itemEvent(newEventId(), "item/created", itemId, company.toString())).statusCode(200);
        String eventId = newEventId();
        // Pluggy leaves clientUserId out of transactions events: the company comes from the item's earlier event.
        String body = "{\"event\":\"transactions/deleted\",\"eventId\":\"" + eventId + "\",\"itemId\":\"" + itemId
                + "\",\"accountId\":\"acc-1\",\"transactionIds\":[\"tx-1\",\"tx-2\"],"
                + "\"transactionsCreatedAtFrom\":\"2024-05-01T10:00:00.000Z\",\"unknownField\":{\"x\":1}}";

        Webhooks.send(body).statusCode(200).body("status", equalTo("accepted"));

        assertEquals(company, db.event(eventId).getUUID("company_id"));
        EventEnvelope<PluggyWebhookReceived> envelope = topic.awaitEventId(eventId, 1, KAFKA_WAIT).get(0).envelope();
        assertEquals(company, envelope.companyId());
        assertEquals(List.of("tx-1", "tx-2"), envelope.payload().transactionIds());
        assertEquals("acc-1", envelope.payload().accountId());
        assertEquals("2024-05-01T10:00:00Z", envelope.payload().transactionsCreatedAtFrom().toString());
        assertNull(envelope.payload().clientUserId());
    }

    @Test
    void acceptsUpperCaseHexSignature() {
        String eventId = newEventId();
        String body = itemEvent(eventId, "item/created", newItemId(), null);

        Webhooks.sendSigned(body, hmac(body, Webhooks.SECRET).toUpperCase()).statusCode(200)
                .body("status", equalTo("accepted"));

        assertEquals(1, db.eventRows(eventId));
    }

    @Test
    void acceptsSignatureUnderPreviousSecretDuringRotation() {
        String eventId = newEventId();
        String body = itemEvent(eventId, "item/created", newItemId(), null);

        Webhooks.sendSigned(body, hmac(body, Webhooks.PREVIOUS_SECRET)).statusCode(200);

        assertEquals(1, db.eventRows(eventId));
    }

    @Test
    void rejectsForgedSignatureAndStoresNothing() {
        String eventId = newEventId();
        String body = itemEvent(eventId, "item/created", newItemId(), null);

        Webhooks.sendSigned(body, hmac(body, "not-our-secret")).statusCode(401)
                .contentType("application/problem+json")
                .body("error", equalTo("Invalid signature"))
                .body("code", equalTo("invalid_signature"));

        assertEquals(0, db.eventRows(eventId));
    }

    @Test
    void rejectsSignatureOfOtherBytes() {
        String eventId = newEventId();
        String signed = itemEvent(eventId, "item/created", newItemId(), null);
        String sent = signed.replace("{\"event\"", "{ \"event\"");

        Webhooks.sendSigned(sent, hmac(signed, Webhooks.SECRET)).statusCode(401);
        Webhooks.sendSigned(signed, "not-hex-at-all").statusCode(401);

        assertEquals(0, db.eventRows(eventId));
    }

    @Test
    void rejectsMissingSignature() {
        String eventId = newEventId();

        Webhooks.sendUnsigned(itemEvent(eventId, "item/created", newItemId(), null)).statusCode(401)
                .body("error", equalTo("Invalid signature"));

        assertEquals(0, db.eventRows(eventId));
    }

    @Test
    void acceptsSharedSecretHeaderAndRejectsAWrongOne() {
        String eventId = newEventId();
        String body = itemEvent(eventId, "item/created", newItemId(), null);

        Webhooks.sendWithToken(body, "test-webhook-token-guess").statusCode(401);
        assertEquals(0, db.eventRows(eventId));

        Webhooks.sendWithToken(body, Webhooks.TOKEN).statusCode(200).body("status", equalTo("accepted"));
        assertEquals(1, db.eventRows(eventId));
    }

    @Test
    void acceptsPathWithoutTrailingSlash() {
        String eventId = newEventId();
        String body = itemEvent(eventId, "item/created", newItemId(), null);

        given().contentType("application/json").header("X-Pluggy-Signature", hmac(body, Webhooks.SECRET))
                .body(body).when().post("/api/banking/webhooks/pluggy")
                .then().statusCode(200).body("status", equalTo("accepted"));

        assertEquals(1, db.eventRows(eventId));
    }

    @Test
    void answersDuplicateForARepeatedEventIdAndStoresItOnce() {
        String eventId = newEventId();
        String body = itemEvent(eventId, "item/updated", newItemId(), null);

        Webhooks.send(body).statusCode(200).body("status", equalTo("accepted"));
        Webhooks.send(body).statusCode(200).body("status", equalTo("duplicate"));
        // Same eventId, other content: still the same event.
        Webhooks.send(body.replace("SYNC", "USER")).statusCode(200).body("status", equalTo("duplicate"));

        assertEquals(1, db.eventRows(eventId));
        assertEquals(1, db.outboxRows(eventId));
        assertEquals("SYNC", topic.awaitEventId(eventId, 1, KAFKA_WAIT).get(0).envelope().payload().triggeredBy());
    }

    @Test
    void hundredConcurrentDeliveriesOfOneEventStoreOneRowAndPublishOneRecord() throws Exception {
        String eventId = newEventId();
        String body = itemEvent(eventId, "transactions/created", newItemId(), null);
        String signature = hmac(body, Webhooks.SECRET);
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json").header("X-Pluggy-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();

        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        int accepted = 0;
        int duplicate = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertEquals(200, response.statusCode(), response.body());
            accepted += response.body().contains("\"accepted\"") ? 1 : 0;
            duplicate += response.body().contains("\"duplicate\"") ? 1 : 0;
        }

        assertEquals(1, accepted);
        assertEquals(99, duplicate);
        assertEquals(1, db.eventRows(eventId));
        assertEquals(1, db.outboxRows(eventId));
        topic.awaitEventId(eventId, 1, KAFKA_WAIT);
        db.awaitStatus(eventId, "PUBLISHED", KAFKA_WAIT);
        topic.settle(Duration.ofSeconds(1));
        assertEquals(1, topic.withEventId(eventId).size(), "published exactly once");
    }

    @Test
    void refusesOversizedBodyWith413AndStoresNothing() {
        String eventId = newEventId();
        String body = "{\"event\":\"item/updated\",\"eventId\":\"" + eventId + "\",\"padding\":\""
                + "x".repeat(256 * 1024) + "\"}";

        Webhooks.send(body).statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("payload_too_large"));

        assertEquals(0, db.eventRows(eventId));
    }

    @Test
    void refusesOversizedChunkedBodyWithoutContentLength() throws Exception {
        String eventId = newEventId();
        byte[] body = ("{\"event\":\"item/updated\",\"eventId\":\"" + eventId + "\",\"padding\":\""
                + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("X-Pluggy-Signature", hmac(new String(body, StandardCharsets.UTF_8), Webhooks.SECRET))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        int status;
        try {
            status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException closedMidUpload) {
            status = 413; // the server may close the connection while the client is still sending
        }

        assertEquals(413, status);
        assertEquals(0, db.eventRows(eventId));
    }

    @Test
    void acceptsBodyJustUnderTheLimit() {
        String eventId = newEventId();
        String head = "{\"event\":\"item/updated\",\"eventId\":\"" + eventId + "\",\"padding\":\"";
        String body = head + "x".repeat(256 * 1024 - head.length() - 2) + "\"}";
        assertEquals(256 * 1024, body.length());

        Webhooks.send(body).statusCode(200).body("status", equalTo("accepted"));

        assertEquals(body, db.event(eventId).getString("body"));
    }

    @Test
    void rejectsMalformedBodiesAndStoresNothing() {
        long before = db.count("SELECT count(*) FROM webhook_events");
        String eventId = newEventId();

        Webhooks.send("{\"event\":\"item/created\",\"eventId\":\"" + eventId + "\"").statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("malformed_json"));
        Webhooks.send("[\"item/created\"]").statusCode(400).body("code", equalTo("malformed_json"));
        Webhooks.send("").statusCode(400).body("code", equalTo("malformed_json"));
        Webhooks.send("{\"event\":\"item/created\",\"itemId\":\"i\"}").statusCode(400)
                .body("code", equalTo("missing_event_id"));
        Webhooks.send("{\"event\":\"item/created\",\"eventId\":\"  \"}").statusCode(400)
                .body("code", equalTo("missing_event_id"));
        Webhooks.send("{\"eventId\":\"" + eventId + "\",\"itemId\":\"i\"}").statusCode(400)
                .body("code", equalTo("missing_event"));
        Webhooks.send("{\"eventId\":\"" + eventId + "\",\"event\":{\"name\":\"item/created\"}}").statusCode(400)
                .body("code", equalTo("missing_event"));
        byte[] latin1 = ("{\"event\":\"item/created\",\"eventId\":\"" + eventId + "\",\"name\":\"Jo\u00e3o\"}")
                .getBytes(StandardCharsets.ISO_8859_1);
        given().contentType("application/json")
                .header("X-Pluggy-Signature", Webhooks.hmac(latin1, Webhooks.SECRET))
                .body(latin1).when().post(Webhooks.PATH).then().statusCode(400).body("code", equalTo("malformed_json"));

        assertEquals(before, db.count("SELECT count(*) FROM webhook_events"));
    }

    @Test
    void storesDottedEventNamesInPluggysForm() {
        String eventId = newEventId();
        String itemId = newItemId();

        Webhooks.send(itemEvent(eventId, "item.waiting_user_input", itemId, null)).statusCode(200);

        assertEquals("item/waiting_user_input", db.event(eventId).getString("event"));
        assertEquals("item/waiting_user_input",
                topic.awaitEventId(eventId, 1, KAFKA_WAIT).get(0).envelope().payload().event());
    }

    @Test
    void storesUnknownEventButDoesNotForwardIt() {
        String itemId = newItemId();
        String unknown = newEventId();
        String known = newEventId();

        Webhooks.send(itemEvent(unknown, "payment_intent/created", itemId, null)).statusCode(200)
                .body("status", equalTo("accepted"));
        Webhooks.send(itemEvent(known, "item/updated", itemId, null)).statusCode(200);

        Row row = db.event(unknown);
        assertEquals("IGNORED", row.getString("status"));
        assertEquals(0, db.outboxRows(unknown));
        // Same key, sent later: once it is on the topic, the unknown one would have been there before it.
        topic.awaitEventId(known, 1, KAFKA_WAIT);
        assertEquals(0, topic.withEventId(unknown).size());
    }

    @Test
    void keysEventsWithoutItemByEventName() {
        String eventId = newEventId();

        Webhooks.send("{\"event\":\"connector/status_updated\",\"eventId\":\"" + eventId
                + "\",\"data\":{\"connectorId\":201,\"status\":\"UNSTABLE\"}}").statusCode(200);

        TopicWatcher.Received record = topic.awaitEventId(eventId, 1, KAFKA_WAIT).get(0);
        assertEquals("connector/status_updated", record.key());
        assertNull(record.envelope().companyId());
        assertNull(record.envelope().payload().itemId());
    }

    @Test
    void clientUserIdThatIsNotAUuidNamesNoCompany() {
        String eventId = newEventId();

        Webhooks.send(itemEvent(eventId, "item/created", newItemId(), "user-42")).statusCode(200);

        Row row = db.event(eventId);
        assertEquals("user-42", row.getString("client_user_id"));
        assertNull(row.getUUID("company_id"));
    }

    @Test
    void exposesIntakeAndOutboxMetrics() {
        Scrape before = Scrape.now();
        String accepted = "webhook_events_accepted_total";
        String label = "event=\"item/login_succeeded\"";
        String eventId = newEventId();
        String body = itemEvent(eventId, "item/login_succeeded", newItemId(), null);

        Webhooks.send(body).statusCode(200);
        Webhooks.send(body).statusCode(200);
        Webhooks.sendSigned(body, "00").statusCode(401);
        Webhooks.send("{\"event\":\"item/login_succeeded\"}").statusCode(400);
        db.awaitStatus(eventId, "PUBLISHED", KAFKA_WAIT);

        Scrape after = Scrape.now();
        assertEquals(1, after.value(accepted, label) - before.value(accepted, label));
        assertEquals(1, after.value("webhook_events_duplicate_total", label)
                - before.value("webhook_events_duplicate_total", label));
        assertEquals(1, after.value("webhook_events_rejected_total", "event=\"none\"",
                "reason=\"invalid_signature\"")
                - before.value("webhook_events_rejected_total", "event=\"none\"", "reason=\"invalid_signature\""));
        assertEquals(1, after.value("webhook_events_rejected_total", label, "reason=\"missing_event_id\"")
                - before.value("webhook_events_rejected_total", label, "reason=\"missing_event_id\""));
        assertEquals(3, after.value("webhook_events_received_total", label)
                - before.value("webhook_events_received_total", label));
        assertEquals(1, after.value("webhook_intake_latency_seconds_count", "outcome=\"accepted\"")
                - before.value("webhook_intake_latency_seconds_count", "outcome=\"accepted\""), 0.0);
        assertTrue(after.text().contains("webhook_intake_latency_seconds_bucket{"), "a histogram");
        assertTrue(after.text().contains("webhook_outbox_backlog_events "), "the backlog gauge");
        assertTrue(after.value("webhook_outbox_published_total") >= 1);
    }
}
