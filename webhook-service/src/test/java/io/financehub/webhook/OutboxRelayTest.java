package io.financehub.webhook;

import static io.financehub.webhook.support.Webhooks.itemEvent;
import static io.financehub.webhook.support.Webhooks.newEventId;
import static io.financehub.webhook.support.Webhooks.newItemId;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.TestTokens;
import io.financehub.webhook.messaging.OutboxPruner;
import io.financehub.webhook.messaging.OutboxPublisher;
import io.financehub.webhook.messaging.OutboxRelay;
import io.financehub.webhook.metrics.WebhookMetrics;
import io.financehub.webhook.repository.OutboxStore;
import io.financehub.webhook.service.PluggyWebhookParser;
import io.financehub.webhook.support.Db;
import io.financehub.webhook.support.RelayOffProfile;
import io.financehub.webhook.support.TopicWatcher;
import io.financehub.webhook.support.UnreachableBroker;
import io.financehub.webhook.support.Webhooks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

@QuarkusTest
@TestProfile(RelayOffProfile.class)
@WithTestResource(JwtTestResource.class)
class OutboxRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;
    @Inject
    OutboxStore store;
    @Inject
    OutboxPublisher kafka;
    @Inject
    PluggyWebhookParser parser;
    @Inject
    ObjectMapper json;
    @Inject
    WebhookMetrics metrics;
    @Inject
    OutboxPruner pruner;

    private OutboxRelay relay(OutboxPublisher publisher, int batchSize) {
        return new OutboxRelay(pool, store, publisher, parser, json, metrics,
                new OutboxRelay.Settings(true, batchSize, Duration.ZERO, Duration.ZERO));
    }

    private List<String> receive(int count, UUID company) {
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String eventId = newEventId();
            Webhooks.send(itemEvent(eventId, "transactions/created", newItemId(), company.toString()))
                    .statusCode(200).body("status", equalTo("accepted"));
            eventIds.add(eventId);
        }
        return eventIds;
    }

    @Test
    void acceptsEverythingWhileKafkaIsUnreachableAndPublishesEachOnceWhenItReturns() {
        Db db = new Db(pool);
        UUID company = UUID.randomUUID();
        try (TopicWatcher topic = new TopicWatcher(json); UnreachableBroker down = new UnreachableBroker()) {
            List<String> eventIds = receive(20, company);
            OutboxRelay blocked = relay(down, 500);

            blocked.publishBatch().await().atMost(WAIT);
            OutboxRelay.BatchResult second = blocked.publishBatch().await().atMost(WAIT);

            assertTrue(second.failed() >= 20, "every row failed again: " + second);
            assertEquals(0, second.published());
            for (String eventId : eventIds) {
                Row row = db.event(eventId);
                assertEquals("PENDING", row.getString("status"));
                assertTrue(row.getInteger("attempts") >= 2, "attempts recorded");
                assertNotNull(row.getString("last_error"));
                assertNull(row.getOffsetDateTime("published_at"));
            }
            String error = RestAssured.given().auth().oauth2(TestTokens.admin(company))
                    .queryParam("status", "pending").when().get("/api/banking/webhooks/events")
                    .then().statusCode(200).extract().jsonPath().getString("results[0].error");
            assertTrue(error.contains("Timeout") || error.contains("timeout"), error);

            int published = relay(kafka, 500).drainAll().await().atMost(WAIT);

            assertTrue(published >= 20);
            topic.await(r -> eventIds.contains(r.eventId()), 20, WAIT);
            topic.settle(Duration.ofSeconds(1));
            Map<String, Long> counts = topic.countsByEventId(r -> eventIds.contains(r.eventId()));
            assertEquals(20, counts.size());
            counts.forEach((eventId, n) -> assertEquals(1L, n, "published exactly once: " + eventId));
            for (String eventId : eventIds) {
                Row row = db.event(eventId);
                assertEquals("PUBLISHED", row.getString("status"));
                assertNull(row.getString("last_error"));
            }
        }
    }

    @Test
    void twoRelaysAtOncePublishEveryRowOnce() {
        UUID company = UUID.randomUUID();
        try (TopicWatcher topic = new TopicWatcher(json)) {
            List<String> eventIds = receive(60, company);
            OutboxRelay one = relay(kafka, 5);
            OutboxRelay two = relay(kafka, 5);

            List<Integer> published = Uni.join().all(one.drainAll(), two.drainAll()).andFailFast()
                    .await().atMost(WAIT);
            assertTrue(published.get(0) + published.get(1) >= 60, "together they published all: " + published);
            topic.await(r -> eventIds.contains(r.eventId()), 60, WAIT);
            topic.settle(Duration.ofSeconds(1));
            Map<String, Long> counts = topic.countsByEventId(r -> eventIds.contains(r.eventId()));
            assertEquals(new HashSet<>(eventIds), counts.keySet());
            counts.forEach((eventId, n) -> assertEquals(1L, n, "published exactly once: " + eventId));
        }
    }

    @Test
    void prunesPublishedRowsAfterRetentionAndKeepsTheEvents() {
        Db db = new Db(pool);
        List<String> eventIds = receive(3, UUID.randomUUID());
        relay(kafka, 500).drainAll().await().atMost(WAIT);
        String pendingId = receive(1, UUID.randomUUID()).get(0);

        int pruned = pruner.pruneOlderThan(Instant.now().plusSeconds(1)).await().atMost(WAIT);

        assertTrue(pruned >= 3);
        for (String eventId : eventIds) {
            assertEquals(0, db.outboxRows(eventId));
            assertEquals("PUBLISHED", db.event(eventId).getString("status"), "the audit keeps the event");
        }
        assertEquals(1, db.outboxRows(pendingId), "unpublished rows are never pruned");
        Set<String> none = Set.of();
        assertEquals(none, Set.copyOf(db.rows("SELECT e.event_id FROM webhook_outbox o JOIN webhook_events e "
                + "ON e.id = o.webhook_event_id WHERE o.published_at IS NOT NULL").stream()
                .map(r -> r.getString("event_id")).toList()));
    }
}
