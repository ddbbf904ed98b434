package io.financehub.webhook;

import static io.financehub.webhook.support.Webhooks.itemEvent;
import static io.financehub.webhook.support.Webhooks.newEventId;
import static io.financehub.webhook.support.Webhooks.newItemId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.TestTokens;
import io.financehub.webhook.support.Db;
import io.financehub.webhook.support.TopicWatcher;
import io.financehub.webhook.support.Webhooks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
@WithTestResource(JwtTestResource.class)
class WebhookAuditTest {

    private static final String EVENTS = "/api/banking/webhooks/events";
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(15);

    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    private String receive(String event, String itemId, UUID company) {
        String eventId = newEventId();
        Webhooks.send(itemEvent(eventId, event, itemId, company == null ? null : company.toString()))
                .statusCode(200).body("status", equalTo("accepted"));
        return eventId;
    }

    private String idOf(String eventId) {
        return new Db(pool).event(eventId).getUUID("id").toString();
    }

    private static JsonPath list(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).when().get(EVENTS)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void adminSeesOnlyTheirCompanysEvents() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        String myItem = newItemId();
        String theirItem = newItemId();
        String first = receive("item/created", myItem, mine);
        String second = receive("item/updated", myItem, mine);
        String foreign = receive("item/created", theirItem, theirs);
        String noCompany = receive("item/created", newItemId(), null);

        JsonPath page = list(TestTokens.admin(mine), Map.of("limit", 200));

        assertEquals(List.of(second, first), page.getList("results.event_id"), "newest first, nothing else");
        assertEquals(List.of(mine.toString(), mine.toString()), page.getList("results.company_id"));
        // Another company's item, even named explicitly, shows nothing.
        assertEquals(List.of(), list(TestTokens.admin(mine), Map.of("item_id", theirItem)).getList("results"));
        assertFalse(list(TestTokens.admin(theirs), Map.of()).getList("results.event_id").contains(first));
        assertFalse(page.getList("results.event_id").contains(foreign));
        assertFalse(page.getList("results.event_id").contains(noCompany));
    }

    @Test
    void listsDeliveryStateOfEachEvent() {
        UUID company = UUID.randomUUID();
        String eventId = receive("item/updated", newItemId(), company);
        new Db(pool).awaitStatus(eventId, "PUBLISHED", KAFKA_WAIT);

        JsonPath page = list(TestTokens.admin(company), Map.of());

        assertEquals(eventId, page.getString("results[0].event_id"));
        assertEquals("item/updated", page.getString("results[0].event"));
        assertEquals("published", page.getString("results[0].status"));
        assertEquals(1, page.getInt("results[0].attempts"));
        assertEquals(null, page.getString("results[0].error"));
        assertNotNull(page.getString("results[0].received_at"));
        assertNotNull(page.getString("results[0].published_at"));
        assertTrue(page.getString("results[0].received_at").endsWith("Z"), "UTC");
    }

    @Test
    void filtersByItemTypeAndStatus() {
        UUID company = UUID.randomUUID();
        String item = newItemId();
        String other = newItemId();
        String created = receive("item/created", item, company);
        String updated = receive("item/updated", item, company);
        String elsewhere = receive("item/updated", other, company);
        String ignored = receive("payment_intent/created", item, company);
        String admin = TestTokens.admin(company);

        assertEquals(List.of(ignored, updated, created),
                list(admin, Map.of("item_id", item)).getList("results.event_id"));
        assertEquals(List.of(elsewhere, updated),
                list(admin, Map.of("type", "item/updated")).getList("results.event_id"));
        assertEquals(List.of(updated),
                list(admin, Map.of("type", "item.updated", "item_id", item)).getList("results.event_id"));
        assertEquals(List.of(ignored), list(admin, Map.of("status", "ignored")).getList("results.event_id"));
        new Db(pool).awaitStatus(elsewhere, "PUBLISHED", KAFKA_WAIT);
        new Db(pool).awaitStatus(created, "PUBLISHED", KAFKA_WAIT);
        new Db(pool).awaitStatus(updated, "PUBLISHED", KAFKA_WAIT);
        assertEquals(List.of(elsewhere, updated, created),
                list(admin, Map.of("status", "PUBLISHED")).getList("results.event_id"));
    }

    @Test
    void paginatesWithCursor() {
        UUID company = UUID.randomUUID();
        String item = newItemId();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(0, receive("item/updated", item, company));
        }
        String admin = TestTokens.admin(company);

        JsonPath first = list(admin, Map.of("limit", 2));
        JsonPath second = list(admin, Map.of("limit", 2, "cursor", first.getString("next_cursor")));
        JsonPath third = list(admin, Map.of("limit", 2, "cursor", second.getString("next_cursor")));

        List<String> seen = new ArrayList<>();
        seen.addAll(first.getList("results.event_id"));
        seen.addAll(second.getList("results.event_id"));
        seen.addAll(third.getList("results.event_id"));
        assertEquals(sent, seen);
        assertEquals(null, third.getString("next_cursor"));
    }

    @Test
    void operatorSeesEveryCompanyAndEventsOfNoCompany() {
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        String item = newItemId();
        String ofOne = receive("item/created", item, one);
        String ofTwo = receive("item/updated", item, two);
        String ofNone = receive("item/error", item, null);
        String operator = TestTokens.forCompany(UUID.randomUUID(), "OPERATOR");

        JsonPath page = list(operator, Map.of("item_id", item));

        assertEquals(List.of(ofNone, ofTwo, ofOne), page.getList("results.event_id"));
        given().auth().oauth2(operator).when().get(EVENTS + "/" + idOf(ofTwo))
                .then().statusCode(200).body("event_id", equalTo(ofTwo)).body("company_id", equalTo(two.toString()));
    }

    @Test
    void showsOneEventWithItsBody() {
        UUID company = UUID.randomUUID();
        String itemId = newItemId();
        String eventId = newEventId();
        String body = itemEvent(eventId, "item.created", itemId, company.toString());
        Webhooks.send(body).statusCode(200);

        given().auth().oauth2(TestTokens.admin(company)).when().get(EVENTS + "/" + idOf(eventId))
                .then().statusCode(200)
                .body("event_id", equalTo(eventId))
                .body("event", equalTo("item/created"))
                .body("item_id", equalTo(itemId))
                .body("client_user_id", equalTo(company.toString()))
                .body("body", equalTo(body));
    }

    @Test
    void anotherCompanysEventIsNotFound() {
        UUID owner = UUID.randomUUID();
        String id = idOf(receive("item/updated", newItemId(), owner));
        String stranger = TestTokens.admin(UUID.randomUUID());

        given().auth().oauth2(stranger).when().get(EVENTS + "/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not_found"));
        given().auth().oauth2(stranger).when().post(EVENTS + "/" + id + "/replay")
                .then().statusCode(404).body("code", equalTo("not_found"));
        given().auth().oauth2(stranger).when().get(EVENTS + "/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(stranger).when().get(EVENTS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void memberMayNotReadTheAudit() {
        UUID company = UUID.randomUUID();
        String id = idOf(receive("item/updated", newItemId(), company));

        given().auth().oauth2(TestTokens.member(company)).when().get(EVENTS).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.member(company)).when().post(EVENTS + "/" + id + "/replay")
                .then().statusCode(403);
        given().when().post(EVENTS + "/" + id + "/replay").then().statusCode(401);
    }

    @Test
    void rejectsInvalidFilters() {
        String admin = TestTokens.admin(UUID.randomUUID());

        given().auth().oauth2(admin).queryParam("status", "lost").when().get(EVENTS)
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_status"));
        given().auth().oauth2(admin).queryParam("limit", "0").when().get(EVENTS)
                .then().statusCode(400).body("code", equalTo("invalid_limit"));
        given().auth().oauth2(admin).queryParam("limit", "many").when().get(EVENTS)
                .then().statusCode(400).body("code", equalTo("invalid_limit"));
        given().auth().oauth2(admin).queryParam("cursor", "bm90LWEtY3Vyc29y").when().get(EVENTS)
                .then().statusCode(400).body("code", equalTo("invalid_cursor"));
    }

    @Test
    void replayPublishesThePublishedEventAgainUnderANewEnvelope() {
        UUID company = UUID.randomUUID();
        String itemId = newItemId();
        Db db = new Db(pool);
        try (TopicWatcher topic = new TopicWatcher(json)) {
            String eventId = receive("transactions/created", itemId, company);
            TopicWatcher.Received original = topic.awaitEventId(eventId, 1, KAFKA_WAIT).get(0);
            db.awaitStatus(eventId, "PUBLISHED", KAFKA_WAIT);

            given().auth().oauth2(TestTokens.admin(company)).when().post(EVENTS + "/" + idOf(eventId) + "/replay")
                    .then().statusCode(202)
                    .body("event_id", equalTo(eventId))
                    .body("status", equalTo("pending"))
                    .body("error", nullValue());

            List<TopicWatcher.Received> both = topic.awaitEventId(eventId, 2, KAFKA_WAIT);
            TopicWatcher.Received replayed = both.get(1);
            assertNotEquals(original.envelope().id(), replayed.envelope().id(), "consumers must not drop it");
            assertEquals(itemId, replayed.key());
            assertEquals(original.envelope().payload(), replayed.envelope().payload());
            assertEquals(company, replayed.envelope().companyId());
            assertEquals(2, db.awaitStatus(eventId, "PUBLISHED", KAFKA_WAIT).getInteger("attempts"));
            assertEquals(2, db.outboxRows(eventId));
            topic.settle(Duration.ofMillis(500));
            assertEquals(2, topic.withEventId(eventId).size());
        }
    }

    @Test
    void operatorReplaysAnyCompanysEvent() {
        Db db = new Db(pool);
        String eventId = receive("item/updated", newItemId(), UUID.randomUUID());
        db.awaitStatus(eventId, "PUBLISHED", KAFKA_WAIT);

        given().auth().oauth2(TestTokens.forCompany(UUID.randomUUID(), "OPERATOR"))
                .when().post(EVENTS + "/" + idOf(eventId) + "/replay").then().statusCode(202);

        assertEquals(2, db.awaitStatus(eventId, "PUBLISHED", KAFKA_WAIT).getInteger("attempts"));
    }

    @Test
    void ignoredEventCannotBeReplayed() {
        UUID company = UUID.randomUUID();
        String eventId = receive("boleto/updated", newItemId(), company);

        given().auth().oauth2(TestTokens.admin(company)).when().post(EVENTS + "/" + idOf(eventId) + "/replay")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("not_forwardable"));

        assertEquals(0, new Db(pool).outboxRows(eventId));
        assertEquals("IGNORED", new Db(pool).event(eventId).getString("status"));
    }
}
