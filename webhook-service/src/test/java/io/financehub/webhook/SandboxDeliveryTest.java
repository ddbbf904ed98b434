package io.financehub.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.support.testing.JwtTestResource;
import io.financehub.webhook.support.Db;
import io.financehub.webhook.support.SandboxProcess;
import io.financehub.webhook.support.TopicWatcher;
import io.financehub.webhook.support.Webhooks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** End to end: the Pluggy sandbox's own signed deliveries are accepted and reach the topic. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
class SandboxDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;
    @TestHTTPResource(Webhooks.PATH)
    URI endpoint;

    @Test
    void sandboxDeliveriesAreAcceptedAndReachTheTopic() throws Exception {
        Assumptions.assumeTrue(SandboxProcess.isBuilt(), "pluggy-sandbox is not packaged: mvn -pl pluggy-sandbox package");
        UUID company = UUID.randomUUID();
        Db db = new Db(pool);
        try (SandboxProcess sandbox = SandboxProcess.start(Webhooks.SECRET); TopicWatcher topic = new TopicWatcher(json)) {
            String itemId = sandbox.client()
                    .body(Map.of("connectorId", 0, "webhookUrl", endpoint.toString(), "clientUserId", company.toString(),
                            "parameters", Map.of("user", "user-ok", "password", "password-ok")))
                    .post("/items").then().statusCode(200).extract().path("id");

            List<TopicWatcher.Received> created = topic.await(r -> itemId.equals(r.key())
                    && "item/created".equals(r.envelope().payload().event()), 1, WAIT);

            TopicWatcher.Received record = created.get(0);
            assertEquals(company, record.envelope().companyId());
            assertEquals(itemId, record.envelope().payload().itemId());
            assertEquals("PUBLISHED", db.awaitStatus(record.eventId(), "PUBLISHED", WAIT).getString("status"));
            List<Map<String, Object>> deliveries = sandbox.control().get("/sandbox/webhooks/deliveries")
                    .then().statusCode(200).extract().jsonPath().getList("");
            List<Map<String, Object>> ours = deliveries.stream()
                    .filter(d -> itemId.equals(d.get("itemId"))).toList();
            assertTrue(!ours.isEmpty(), "the sandbox logged its deliveries");
            ours.forEach(d -> assertTrue(
                    "DELIVERED".equals(d.get("outcome")) || "RETRYING".equals(d.get("outcome")) && d.get("statusCode") == null,
                    "every delivery was answered 2xx: " + d));
            long stored = db.count("SELECT count(*) FROM webhook_events WHERE item_id = $1", itemId);
            assertEquals(ours.stream().map(d -> d.get("eventId")).distinct().count(), stored,
                    "one row per delivered event");
        }
    }
}
