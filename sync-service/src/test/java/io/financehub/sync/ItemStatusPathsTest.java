package io.financehub.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.Topics;
import io.financehub.contracts.events.AccountsSnapshot;
import io.financehub.contracts.events.ItemStatusChanged;
import io.financehub.contracts.events.SyncRequested;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.sync.testing.Broker;
import io.financehub.sync.testing.Runs;
import io.financehub.sync.testing.SandboxApi;
import io.financehub.sync.testing.SandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What the item's state at Pluggy does to a sync: items log in through the sandbox's Pluggy API with its test users
 * (Pluggy Bank: connector 0; Pluggy Bank MFA: connector 2), and the status event on banking.item-status is checked.
 */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(SandboxResource.class)
class ItemStatusPathsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TypeReference<EventEnvelope<ItemStatusChanged>> STATUS = new TypeReference<>() {
    };
    private static final int PLUGGY_BANK = 0;
    private static final int PLUGGY_BANK_MFA = 2;

    private final SandboxApi sandbox = SandboxApi.current();

    @Test
    void itemWaitingForMfaPublishesMfaRequiredAndStops() {
        UUID company = UUID.randomUUID();
        String item = sandbox.createItem(company, PLUGGY_BANK_MFA, Map.of("user", "user-ok", "password", "password-ok"));
        sandbox.awaitItem(item, i -> "WAITING_USER_INPUT".equals(i.get("status").asText()), WAIT);

        Outcome outcome = syncAndWatch(company, item);

        assertEquals("needs_user_action", outcome.run().getString("status"));
        assertEquals("MFA_REQUIRED", outcome.run().getString("error_code"));
        assertEquals("WAITING_USER_INPUT", outcome.run().getString("item_status"));
        assertEquals(0, outcome.run().getInt("pages"));
        ItemStatusChanged status = outcome.status();
        assertEquals("WAITING_USER_INPUT", status.status());
        assertTrue(status.mfaRequired());
        assertFalse(status.reconnectionRequired());
        assertEquals(company, outcome.envelope().companyId());
    }

    @Test
    void loginErrorAsksForReconnection() {
        UUID company = UUID.randomUUID();
        String item = sandbox.createItem(company, PLUGGY_BANK, Map.of("user", "user-ok", "password", "wrong"));
        sandbox.awaitItem(item, i -> "LOGIN_ERROR".equals(i.get("status").asText()), WAIT);

        Outcome outcome = syncAndWatch(company, item);

        assertEquals("needs_user_action", outcome.run().getString("status"));
        assertEquals("INVALID_CREDENTIALS", outcome.run().getString("error_code"));
        ItemStatusChanged status = outcome.status();
        assertEquals("LOGIN_ERROR", status.status());
        assertEquals("INVALID_CREDENTIALS", status.errorCode());
        assertTrue(status.reconnectionRequired());
        assertFalse(status.mfaRequired());
        assertFalse(status.retryable());
    }

    @Test
    void mfaTimeoutBecomesAuthenticationTimeout() {
        UUID company = UUID.randomUUID();
        String item = sandbox.createItem(company, PLUGGY_BANK_MFA, Map.of("user", "user-ok", "password", "password-ok"));
        sandbox.awaitItem(item, i -> "USER_INPUT_TIMEOUT".equals(i.get("executionStatus").asText()), WAIT);

        Outcome outcome = syncAndWatch(company, item);

        assertEquals("needs_user_action", outcome.run().getString("status"));
        assertEquals("AUTHENTICATION_TIMEOUT", outcome.run().getString("error_code"));
        ItemStatusChanged status = outcome.status();
        assertEquals("USER_INPUT_TIMEOUT", status.executionStatus());
        assertEquals("AUTHENTICATION_TIMEOUT", status.errorCode());
        assertEquals("Authentication timeout. Please reconnect your account.", status.errorMessage());
        assertTrue(status.reconnectionRequired());
    }

    @Test
    void outdatedItemIsReportedRetryable() {
        UUID company = UUID.randomUUID();
        String item = sandbox.createItem(company, PLUGGY_BANK, Map.of("user", "user-error", "password", "password-ok"));
        sandbox.awaitItem(item, i -> "OUTDATED".equals(i.get("status").asText()), WAIT);

        Outcome outcome = syncAndWatch(company, item);

        assertEquals("failed", outcome.run().getString("status"));
        assertEquals("UNEXPECTED_ERROR", outcome.run().getString("error_code"));
        ItemStatusChanged status = outcome.status();
        assertEquals("OUTDATED", status.status());
        assertTrue(status.retryable());
        assertFalse(status.reconnectionRequired());
        assertFalse(status.mfaRequired());
    }

    @Test
    void updatingItemIsSyncedOncePluggyFinishes() {
        UUID company = UUID.randomUUID();
        String item = sandbox.createItem(company, PLUGGY_BANK, Map.of("user", "user-ok", "password", "password-ok"));
        try (var accountsTopic = Broker.watch(Topics.ACCOUNTS)) {
            // Asked at once, while Pluggy still logs in and collects.
            Outcome outcome = syncAndWatch(company, item);
            assertEquals("succeeded", outcome.run().getString("status"), outcome.run().prettify());
            assertEquals("UPDATED", outcome.status().status());
            assertNull(outcome.status().errorCode());
            ConsumerRecord<String, String> snapshot = accountsTopic.first(WAIT, r -> item.equals(r.key()));
            EventEnvelope<AccountsSnapshot> accounts = Broker.read(snapshot.value(), new TypeReference<>() {
            });
            assertEquals(EventTypes.ACCOUNTS_SNAPSHOT, accounts.type());
            assertEquals(3, accounts.payload().accounts().size(), "Pluggy Bank: checking, savings and a card");
            assertEquals("Pluggy Bank", accounts.payload().connectorName());
            assertEquals(180L * 3, outcome.run().getLong("transactions_seen"));
        }
    }

    @Test
    void itemUnknownToPluggyFailsTheRunWithoutStatusEvent() {
        UUID company = UUID.randomUUID();
        String item = UUID.randomUUID().toString();
        try (var statusTopic = Broker.watch(Topics.ITEM_STATUS)) {
            EventEnvelope<SyncRequested> request = Broker.requestSync(company, item);
            JsonPath run = Runs.awaitFinal(company, request.id(), WAIT);
            assertEquals("failed", run.getString("status"));
            assertEquals("ITEM_NOT_FOUND", run.getString("error_code"));
            assertTrue(statusTopic.drain(Duration.ofMillis(500)).stream().noneMatch(r -> item.equals(r.key())));
        }
    }

    record Outcome(JsonPath run, EventEnvelope<ItemStatusChanged> envelope) {
        ItemStatusChanged status() {
            return envelope.payload();
        }
    }

    private static Outcome syncAndWatch(UUID company, String item) {
        try (var statusTopic = Broker.watch(Topics.ITEM_STATUS)) {
            EventEnvelope<SyncRequested> request = Broker.requestSync(company, item);
            JsonPath run = Runs.awaitFinal(company, request.id(), WAIT);
            ConsumerRecord<String, String> record = statusTopic.first(WAIT, r -> item.equals(r.key()));
            EventEnvelope<ItemStatusChanged> status = Broker.read(record.value(), STATUS);
            assertEquals(EventTypes.ITEM_STATUS_CHANGED, status.type());
            assertEquals(item, status.payload().itemId());
            assertEquals(request.id(), status.payload().syncRunId());
            return new Outcome(run, status);
        }
    }
}
