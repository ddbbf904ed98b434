package io.financehub.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.Topics;
import io.financehub.contracts.events.SyncRequested;
import io.financehub.sync.testing.Broker;
import io.financehub.sync.testing.Downstream;
import io.financehub.sync.testing.Runs;
import io.financehub.sync.testing.SandboxApi;
import io.financehub.sync.testing.SandboxApi.Scenario;
import io.financehub.sync.testing.SandboxApi.Truth;
import io.financehub.sync.testing.SandboxProcess;
import io.financehub.sync.testing.ServiceProcess;
import io.financehub.sync.testing.TestDatabase;
import io.restassured.path.json.JsonPath;

/**
 * kill -9 in the middle of a sync: the packaged service runs as a process of its own, is killed (SIGKILL) once eight
 * batches are out, and a second process of the same consumer group takes over. The request is redelivered, the
 * scan resumes from the cursor saved after the last acknowledged batch, and downstream ends with exactly the
 * sandbox's set: no id missing, and nothing replayed but the page that was in flight.
 */
class SyncCrashIT {

    private static final int COUNT = 20_000;
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** Startup over peak speed: this test measures correctness, and starts the service twice. */
    private static final String[] QUICK_START = { "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC" };

    @Test
    void killedMidSyncResumesAndDeliversExactlyTheSandboxSet() throws Exception {
        String group = "sync-crash-" + UUID.randomUUID();
        Broker.skipToEnd(group);
        try (SandboxProcess sandboxProcess = SandboxProcess.start("-XX:TieredStopAtLevel=1")) {
            SandboxApi sandbox = new SandboxApi(sandboxProcess);
            UUID company = UUID.randomUUID();
            Scenario item = sandbox.scenario(company, COUNT, "BANK");
            // Slow pages, so the kill lands mid-sync.
            sandbox.fault("/v2/transactions", "LATENCY", null, 60L);
            Downstream ledger = new Downstream(Set.of(item.accountId()));
            EventEnvelope<SyncRequested> request;
            try (var topic = Broker.watch(Topics.TRANSACTIONS)) {
                ServiceProcess first = ServiceProcess.start(group, sandboxProcess.baseUrl(), "crash-first", QUICK_START);
                request = Broker.requestSync(company, item.itemId());
                topic.until(WAIT, ledger::apply, () -> ledger.batchesOf(request.id()).size() >= 8);
                first.kill();
                long beforeKill = ledger.upsertsOf(request.id());
                assertTrue(beforeKill < COUNT, "killed mid-sync, after " + beforeKill);

                ServiceProcess second = ServiceProcess.start(group, sandboxProcess.baseUrl(), "crash-second", QUICK_START);
                try {
                    JsonPath run = Runs.awaitFinal(second.baseUrl(), company, request.id(), WAIT);
                    assertEquals("succeeded", run.getString("status"), run.prettify());
                    assertEquals(2, run.getInt("attempts"), "redelivered once");
                    assertEquals(COUNT, run.getLong("transactions_seen"));
                    topic.until(WAIT, ledger::apply, () -> ledger.account(item.accountId()).size() >= COUNT);
                    topic.drain(Duration.ofMillis(500)).forEach(ledger::apply);
                } finally {
                    second.kill();
                }
            }
            Truth truth = sandbox.truth(item.accountId());
            assertEquals(truth.amounts(), ledger.account(item.accountId()), "exactly the sandbox's set");
            assertEquals(truth.sum(), ledger.sum(item.accountId()));
            long published = ledger.upsertsOf(request.id());
            assertTrue(published - COUNT <= 500,
                    "resumed from the saved cursor, replaying only the page in flight: " + published + " published");
            TestDatabase.forgetAccount(item.accountId());
        }
    }
}
