package io.financehub.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.events.SyncRequested;
import io.financehub.contracts.events.SyncTrigger;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.TestTokens;
import io.financehub.sync.testing.Broker;
import io.financehub.sync.testing.Runs;
import io.financehub.sync.testing.SandboxApi;
import io.financehub.sync.testing.SandboxApi.Scenario;
import io.financehub.sync.testing.SandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET /api/banking/sync-runs: company-scoped, validated, and what a run tells. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(SandboxResource.class)
class SyncRunApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final SandboxApi sandbox = SandboxApi.current();

    @Test
    void runsAreVisibleOnlyToTheirCompany() {
        UUID company = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        Scenario item = sandbox.scenario(company, 30, "BANK");
        EventEnvelope<SyncRequested> request = Broker.requestSync(company, item.itemId());
        JsonPath run = Runs.awaitFinal(company, request.id(), WAIT);
        assertEquals(request.id().toString(), run.getString("id"));
        assertEquals(request.payload().requestId().toString(), run.getString("request_id"));
        assertEquals(item.itemId(), run.getString("item_id"));
        assertEquals("USER", run.getString("trigger"));
        assertEquals(30, run.getLong("transactions_seen"));

        given().auth().oauth2(TestTokens.admin(stranger)).get("/api/banking/sync-runs/" + request.id())
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not_found"));
        given().auth().oauth2(TestTokens.admin(stranger)).queryParam("item_id", item.itemId())
                .get("/api/banking/sync-runs").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(TestTokens.member(company)).queryParam("item_id", item.itemId())
                .get("/api/banking/sync-runs").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(request.id().toString()))
                .body("[0].status", equalTo("succeeded"))
                .body("[0].pages", equalTo(1));
    }

    @Test
    void rejectsMalformedIdAndLimit() {
        UUID company = UUID.randomUUID();
        given().auth().oauth2(TestTokens.member(company)).get("/api/banking/sync-runs/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_id"));
        given().auth().oauth2(TestTokens.member(company)).queryParam("limit", 0).get("/api/banking/sync-runs")
                .then().statusCode(400).body("code", equalTo("invalid_limit"));
        given().auth().oauth2(TestTokens.member(company)).queryParam("limit", 201).get("/api/banking/sync-runs")
                .then().statusCode(400).body("code", equalTo("invalid_limit"));
    }

    @Test
    void requestAlreadyCoveredByALaterRunIsNotSyncedAgain() {
        UUID company = UUID.randomUUID();
        Scenario item = sandbox.scenario(company, 40, "BANK");
        EventEnvelope<SyncRequested> first = Broker.requestSync(company, item.itemId());
        JsonPath firstRun = Runs.awaitFinal(company, first.id(), WAIT);
        // A webhook's request made before the first run started, delivered after it.
        Instant before = Instant.parse(firstRun.getString("started_at")).minusSeconds(1);
        UUID id = UUID.randomUUID();
        EventEnvelope<SyncRequested> late = new EventEnvelope<>(id, EventTypes.SYNC_REQUESTED,
                EventEnvelope.CURRENT_VERSION, before, company,
                new SyncRequested(item.itemId(), null, SyncTrigger.WEBHOOK, false, null, null, List.of(), before, id));
        Broker.publish(Broker.SYNC_REQUESTS, item.itemId(), Broker.json(late));
        JsonPath covered = Runs.awaitFinal(company, id, WAIT);
        assertEquals("succeeded", covered.getString("status"));
        assertEquals(first.id().toString(), covered.getString("covered_by"));
        assertEquals(0, covered.getInt("pages"));

        // A forced request is never coalesced.
        EventEnvelope<SyncRequested> forced = Broker.requestSync(company, item.itemId(), null, SyncTrigger.USER, true,
                null, null, List.of());
        JsonPath forcedRun = Runs.awaitFinal(company, forced.id(), WAIT);
        assertEquals(null, forcedRun.getString("covered_by"));
        assertEquals(40, forcedRun.getLong("transactions_seen"));
    }
}
