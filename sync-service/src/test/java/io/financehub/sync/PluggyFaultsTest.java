package io.financehub.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.Topics;
import io.financehub.contracts.events.ItemStatusChanged;
import io.financehub.contracts.events.SyncRequested;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.sync.testing.Broker;
import io.financehub.sync.testing.Downstream;
import io.financehub.sync.testing.Runs;
import io.financehub.sync.testing.SandboxApi;
import io.financehub.sync.testing.SandboxApi.Scenario;
import io.financehub.sync.testing.SandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Pluggy misbehaving (faults injected at the sandbox) and requests that cannot be processed. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(SandboxResource.class)
class PluggyFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final SandboxApi sandbox = SandboxApi.current();

    @AfterEach
    void clearFaults() {
        sandbox.clearFaults();
    }

    @Test
    void ridesOutRateLimitsAndServerErrorsWithNothingLost() {
        UUID company = UUID.randomUUID();
        Scenario item = sandbox.scenario(company, 2_400, "BANK");
        sandbox.fault("/v2/transactions", "RATE_LIMIT", 2, null);
        sandbox.fault("/v2/transactions", "ERROR_500", 2, null);
        Downstream ledger = new Downstream(Set.of(item.accountId()));
        try (var topic = Broker.watch(Topics.TRANSACTIONS)) {
            EventEnvelope<SyncRequested> request = Broker.requestSync(company, item.itemId());
            JsonPath run = Runs.awaitFinal(company, request.id(), WAIT);
            assertEquals("succeeded", run.getString("status"), run.prettify());
            assertEquals(1, run.getInt("attempts"), "the Pluggy client's own retries absorbed the faults");
            topic.until(WAIT, ledger::apply, () -> ledger.upsertsOf(request.id()) >= 2_400);
        }
        assertEquals(4, sandbox.faultsFired());
        SyncFlowTest.assertMatchesSandbox(ledger, item);
    }

    @Test
    void poisonedItemFailsAfterBoundedRetriesGoesToTheDeadLetterTopicAndItsPartitionMovesOn() {
        UUID company = UUID.randomUUID();
        Scenario item = sandbox.scenario(company, 50, "BANK");
        sandbox.fault("/v2/transactions", "ERROR_500", null, null);
        try (var dlq = Broker.watch(Broker.DLQ); var status = Broker.watch(Topics.ITEM_STATUS)) {
            EventEnvelope<SyncRequested> poisoned = Broker.requestSync(company, item.itemId());
            JsonPath run = Runs.awaitFinal(company, poisoned.id(), WAIT);
            assertEquals("failed", run.getString("status"));
            assertEquals("SYNC_FAILED", run.getString("error_code"));
            assertEquals(3, run.getInt("attempts"));

            ConsumerRecord<String, String> parked = dlq.first(WAIT, r -> item.itemId().equals(r.key()));
            assertTrue(parked.value().contains(poisoned.id().toString()), parked.value());
            assertTrue(header(parked, "dead-letter-reason").contains("500"), header(parked, "dead-letter-reason"));

            ConsumerRecord<String, String> failed = status.first(WAIT, r -> item.itemId().equals(r.key())
                    && r.value().contains("SYNC_FAILED"));
            ItemStatusChanged event = Broker.read(failed.value(),
                    new TypeReference<EventEnvelope<ItemStatusChanged>>() {
                    }).payload();
            assertEquals("UPDATED", event.status());
            assertTrue(event.retryable());
            assertEquals(poisoned.id(), event.syncRunId());
        }

        sandbox.clearFaults();
        EventEnvelope<SyncRequested> next = Broker.requestSync(company, item.itemId(), null,
                io.financehub.contracts.events.SyncTrigger.RETRY, true, null, null, java.util.List.of());
        assertEquals("succeeded", Runs.awaitFinal(company, next.id(), WAIT).getString("status"));
    }

    @Test
    void unreadableRequestGoesToTheDeadLetterTopicAndTheNextOneIsSynced() {
        UUID company = UUID.randomUUID();
        Scenario item = sandbox.scenario(company, 10, "BANK");
        try (var dlq = Broker.watch(Broker.DLQ)) {
            Broker.publish(Broker.SYNC_REQUESTS, item.itemId(), "{not json");
            // An event of another type on the topic is not ours to process: skipped, not parked.
            Broker.publish(Broker.SYNC_REQUESTS, item.itemId(), Broker.json(EventEnvelope.of("something.else",
                    company, java.util.Map.of("itemId", item.itemId()))));
            EventEnvelope<SyncRequested> good = Broker.requestSync(company, item.itemId());
            assertEquals("succeeded", Runs.awaitFinal(company, good.id(), WAIT).getString("status"));
            ConsumerRecord<String, String> parked = dlq.first(WAIT, r -> item.itemId().equals(r.key()));
            assertTrue(dlq.drain(Duration.ofMillis(500)).stream().noneMatch(r -> item.itemId().equals(r.key())),
                    "only the unreadable record is parked");
            assertEquals("{not json", parked.value(), "the record is parked as it was published");
            assertEquals(Broker.SYNC_REQUESTS, header(parked, "dead-letter-topic"));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
