package io.financehub.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.Topics;
import io.financehub.contracts.events.SyncRequested;
import io.financehub.contracts.events.SyncTrigger;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.sync.testing.Broker;
import io.financehub.sync.testing.Downstream;
import io.financehub.sync.testing.Runs;
import io.financehub.sync.testing.SandboxApi;
import io.financehub.sync.testing.SandboxApi.Changes;
import io.financehub.sync.testing.SandboxApi.Scenario;
import io.financehub.sync.testing.SandboxApi.Truth;
import io.financehub.sync.testing.SandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Items synced from the sandbox into banking.transactions, compared with the sandbox's own truth. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(SandboxResource.class)
class SyncFlowTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final SandboxApi sandbox = SandboxApi.current();

    @Test
    void fullThenIncrementalSyncGiveExactlyTheSandboxSetAndSums() {
        UUID company = UUID.randomUUID();
        Scenario item = sandbox.scenario(company, 700, "BANK", "CREDIT");
        Downstream ledger = new Downstream(Set.copyOf(item.accountIds()));
        try (var topic = Broker.watch(Topics.TRANSACTIONS)) {
            EventEnvelope<SyncRequested> first = Broker.requestSync(company, item.itemId());
            JsonPath run = Runs.awaitFinal(company, first.id(), WAIT);
            assertEquals("succeeded", run.getString("status"));
            assertEquals(2, run.getInt("accounts"));
            assertEquals(4, run.getInt("pages"), "700 transactions are a page of 500 and one of 200, per account");
            assertEquals(1400, run.getLong("transactions_seen"));
            topic.until(WAIT, ledger::apply, () -> ledger.upsertsOf(first.id()) >= 1400);
            assertMatchesSandbox(ledger, item);

            sandbox.execute(item.itemId(), 4, 0, 0, 0, false);
            EventEnvelope<SyncRequested> second = Broker.requestSync(company,
                    item.itemId(), null, SyncTrigger.WEBHOOK, false, null, null, List.of());
            JsonPath incremental = Runs.awaitFinal(company, second.id(), WAIT);
            assertEquals("succeeded", incremental.getString("status"));
            long seen = incremental.getLong("transactions_seen");
            topic.until(WAIT, ledger::apply, () -> ledger.upsertsOf(second.id()) >= seen);
        }
        assertMatchesSandbox(ledger, item);
        item.accountIds().forEach(account -> assertEquals(704, ledger.account(account).size()));
    }

    @Test
    void postsChangesReIdsAndDeletionsOfANewExecutionAllArrive() {
        UUID company = UUID.randomUUID();
        Scenario item = sandbox.scenario(company, 300, "BANK");
        String account = item.accountId();
        Downstream ledger = new Downstream(Set.of(account));
        try (var topic = Broker.watch(Topics.TRANSACTIONS)) {
            syncAndFollow(company, item, topic, ledger);

            Changes changes = sandbox.execute(item.itemId(), 5, 2, 2, 2, true).get(0);
            assertEquals(7, changes.created().size(), "5 new and 2 re-ids");
            assertEquals(4, changes.deleted().size(), "2 deleted and the 2 old ids of the re-ids");
            EventEnvelope<SyncRequested> next = Broker.requestSync(company, item.itemId(),
                    null, SyncTrigger.WEBHOOK, false, null, null, List.of());
            JsonPath run = Runs.awaitFinal(company, next.id(), WAIT);
            assertEquals("succeeded", run.getString("status"));
            assertEquals(4, run.getLong("transactions_deleted"));
            long seen = run.getLong("transactions_seen");
            topic.until(WAIT, ledger::apply,
                    () -> ledger.upsertsOf(next.id()) >= seen && ledger.deletedBy(next.id()).size() >= 4);

            assertEquals(Set.copyOf(changes.deleted()), Set.copyOf(ledger.deletedBy(next.id())));
            changes.created().forEach(id -> assertTrue(ledger.account(account).containsKey(id), id));
            changes.deleted().forEach(id -> assertFalse(ledger.account(account).containsKey(id), id));
            Truth truth = sandbox.truth(account);
            assertFalse(changes.updated().isEmpty());
            changes.updated().forEach(id -> assertEquals(truth.statuses().get(id), ledger.status(id), "status of " + id));
            assertTrue(truth.statuses().entrySet().stream().allMatch(e -> e.getValue().equals(ledger.status(e.getKey()))),
                    "pending transactions that posted arrive posted");
        }
        assertMatchesSandbox(ledger, item);
    }

    @Test
    void deletedIdsOfAWebhookAreForwardedUnderTheAccountTheyBelongTo() {
        UUID company = UUID.randomUUID();
        Scenario item = sandbox.scenario(company, 120, "BANK", "CREDIT");
        Downstream ledger = new Downstream(Set.copyOf(item.accountIds()));
        try (var topic = Broker.watch(Topics.TRANSACTIONS)) {
            syncAndFollow(company, item, topic, ledger);

            List<Changes> changes = sandbox.execute(item.itemId(), 0, 0, 0, 2, false);
            List<String> deleted = changes.stream().flatMap(c -> c.deleted().stream()).toList();
            assertEquals(4, deleted.size());
            // transactions/deleted without an account: the service finds each id's account itself.
            EventEnvelope<SyncRequested> request = Broker.requestSync(company,
                    item.itemId(), null, SyncTrigger.WEBHOOK, false, null, null, deleted);
            JsonPath run = Runs.awaitFinal(company, request.id(), WAIT);
            assertEquals("succeeded", run.getString("status"));
            assertEquals(4, run.getLong("transactions_deleted"));
            topic.until(WAIT, ledger::apply, () -> ledger.deletedBy(request.id()).size() >= 4
                    && ledger.upsertsOf(request.id()) >= run.getLong("transactions_seen"));

            for (Changes c : changes) {
                Downstream.Seen firstOfAccount = ledger.batchesOf(request.id()).stream()
                        .filter(b -> b.accountId().equals(c.accountId())).findFirst().orElseThrow();
                assertEquals(c.accountId(), firstOfAccount.key());
                assertEquals(Set.copyOf(c.deleted()), Set.copyOf(firstOfAccount.deletedIds()),
                        "the forwarded deletions come first, under their own account");
            }
        }
        assertMatchesSandbox(ledger, item);
    }

    @Test
    void forcedWindowSyncRefetchesTheWindowAndDeletesOnlyWhatVanishedFromIt() {
        UUID company = UUID.randomUUID();
        Scenario item = sandbox.scenario(company, 400, "BANK");
        String account = item.accountId();
        Downstream ledger = new Downstream(Set.of(account));
        try (var topic = Broker.watch(Topics.TRANSACTIONS)) {
            syncAndFollow(company, item, topic, ledger);

            // Deletions fall among the newest 200 transactions, all inside the window.
            List<String> deleted = sandbox.execute(item.itemId(), 0, 0, 0, 3, false).get(0).deleted();
            EventEnvelope<SyncRequested> request = Broker.requestSync(company,
                    item.itemId(), null, SyncTrigger.USER, true, LocalDate.parse("2024-06-01"),
                    LocalDate.parse("2025-06-30"), List.of());
            JsonPath run = Runs.awaitFinal(company, request.id(), WAIT);
            assertEquals("succeeded", run.getString("status"));
            assertEquals(3, run.getLong("transactions_deleted"));
            long seen = run.getLong("transactions_seen");
            assertTrue(seen > 150 && seen < 397, "only the window is refetched: " + seen);
            topic.until(WAIT, ledger::apply,
                    () -> ledger.deletedBy(request.id()).size() >= 3 && ledger.upsertsOf(request.id()) >= seen);
            assertEquals(Set.copyOf(deleted), Set.copyOf(ledger.deletedBy(request.id())));
        }
        // What lies before the window was neither refetched nor deleted.
        assertMatchesSandbox(ledger, item);
    }

    @ParameterizedTest(name = "{0} transactions")
    @ValueSource(ints = { 0, 1, 500, 501 })
    void pagesBecomeBatchesOfAtMost500(int count) {
        UUID company = UUID.randomUUID();
        Scenario item = sandbox.scenario(company, count, "BANK");
        Downstream ledger = new Downstream(Set.of(item.accountId()));
        UUID runId;
        try (var topic = Broker.watch(Topics.TRANSACTIONS)) {
            EventEnvelope<SyncRequested> request = Broker.requestSync(company,
                    item.itemId());
            runId = request.id();
            JsonPath run = Runs.awaitFinal(company, runId, WAIT);
            assertEquals("succeeded", run.getString("status"));
            assertEquals(count, run.getLong("transactions_seen"));
            assertEquals(Math.max(1, (count + 499) / 500), run.getInt("pages"));
            if (count > 0) {
                topic.until(WAIT, ledger::apply, () -> ledger.upsertsOf(runId) >= count);
            }
            topic.drain(Duration.ofMillis(300)).forEach(ledger::apply);
        }
        List<Downstream.Seen> batches = ledger.batchesOf(runId);
        assertEquals((count + 499) / 500, batches.size());
        batches.forEach(b -> assertTrue(b.upserts() <= 500 && b.upserts() > 0));
        assertMatchesSandbox(ledger, item);
    }

    @Test
    void aHundredThousandTransactionsArriveExactlyOnceAndToTheCent() {
        UUID company = UUID.randomUUID();
        Scenario item = sandbox.scenario(company, 100_000, "BANK");
        Downstream ledger = new Downstream(Set.of(item.accountId()));
        EventEnvelope<SyncRequested> request;
        try (var topic = Broker.watch(Topics.TRANSACTIONS)) {
            request = Broker.requestSync(company, item.itemId());
            topic.until(Duration.ofSeconds(150), ledger::apply, () -> ledger.upsertsOf(request.id()) >= 100_000);
        }
        JsonPath run = Runs.awaitFinal(company, request.id(), WAIT);
        assertEquals("succeeded", run.getString("status"));
        assertEquals(200, run.getInt("pages"));
        assertEquals(100_000, run.getLong("transactions_seen"));
        assertEquals(200, ledger.batchesOf(request.id()).size());
        Truth truth = sandbox.truth(item.accountId());
        assertEquals(100_000, truth.count());
        assertEquals(truth.amounts(), ledger.account(item.accountId()));
        assertEquals(truth.sum(), ledger.sum(item.accountId()));
        assertTrue(truth.amounts().keySet().stream().allMatch(id -> ledger.timesUpserted(id) == 1),
                "no transaction published twice");
    }

    /** A first sync, followed downstream until all it published arrived. */
    static void syncAndFollow(UUID company, Scenario item, Broker.Watch topic,
            Downstream ledger) {
        EventEnvelope<SyncRequested> request = Broker.requestSync(company, item.itemId());
        JsonPath run = Runs.awaitFinal(company, request.id(), WAIT);
        assertEquals("succeeded", run.getString("status"), run.prettify());
        long seen = run.getLong("transactions_seen");
        topic.until(WAIT, ledger::apply, () -> ledger.upsertsOf(request.id()) >= seen);
        assertMatchesSandbox(ledger, item);
    }

    /** Every account downstream holds exactly the sandbox's live ids, with the same amounts and sum. */
    static void assertMatchesSandbox(Downstream ledger, Scenario item) {
        SandboxApi sandbox = SandboxApi.current();
        for (String account : item.accountIds()) {
            Truth truth = sandbox.truth(account);
            Set<String> missing = new HashSet<>(truth.amounts().keySet());
            missing.removeAll(ledger.account(account).keySet());
            Set<String> extra = new HashSet<>(ledger.account(account).keySet());
            extra.removeAll(truth.amounts().keySet());
            assertEquals(Set.of(), missing, "missing downstream in " + account);
            assertEquals(Set.of(), extra, "deleted at the sandbox but still downstream in " + account);
            assertEquals(truth.amounts(), ledger.account(account), "amounts of " + account);
            assertEquals(truth.sum(), ledger.sum(account), "sum of " + account);
        }
    }
}
