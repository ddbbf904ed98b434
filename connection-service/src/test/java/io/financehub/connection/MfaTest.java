package io.financehub.connection;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.financehub.connection.testing.Api;
import io.financehub.connection.testing.Db;
import io.financehub.connection.testing.Events;
import io.financehub.connection.testing.Sandbox;
import io.financehub.connection.testing.SandboxTestResource;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** MFA end to end: the sandbox's MFA bank asks for a token, the prompt is stored encrypted, the answer goes back. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(SandboxTestResource.class)
class MfaTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource db;

    @Test
    void thePromptIsStoredEncryptedShownToItsOwnerAndAnsweredAtPluggy() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = waitingForMfa(company);

        String itemId = Api.callback(company, pluggyItemId).statusCode(200)
                .body("data.item.status", equalTo("WAITING_USER_INPUT"))
                .body("data.item.next_action", equalTo("ANSWER_MFA"))
                .body("data.item.mfa_required", equalTo(true))
                .extract().path("data.item.id");

        byte[] stored = (byte[]) Db.single(db, "SELECT encrypted_parameter FROM items WHERE id = ?",
                UUID.fromString(itemId));
        assertNotNull(stored);
        assertFalse(contains(stored, "Token"), "the label is not stored in plaintext");
        assertFalse(contains(stored, "token"), "the parameter name is not stored in plaintext");
        assertEquals(1, stored[0], "format version");
        assertArrayEquals("test-2".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOfRange(stored, 2, 2 + stored[1]), "the active key's id travels inside");

        Api.member(company).get("/api/banking/items/" + itemId + "/mfa/").then().statusCode(200)
                .body("label", equalTo("Token"))
                .body("name", equalTo("token"))
                .body("type", equalTo("number"))
                .body("expires_at", notNullValue());

        Api.admin(company).body(Map.of("value", "")).post("/api/banking/items/" + itemId + "/mfa/").then()
                .statusCode(400).body("code", equalTo("mfa_value_required"));
        Api.member(company).body(Map.of("value", "123456")).post("/api/banking/items/" + itemId + "/mfa/").then()
                .statusCode(403);
        Api.admin(company).body(Map.of("value", "123456")).post("/api/banking/items/" + itemId + "/mfa/").then()
                .statusCode(200)
                .body("data.status", equalTo("UPDATING"))
                .body("data.next_action", equalTo("NONE"));

        assertEquals(null, Db.single(db, "SELECT encrypted_parameter FROM items WHERE id = ?", UUID.fromString(itemId)));
        Api.member(company).get("/api/banking/items/" + itemId + "/mfa/").then().statusCode(404)
                .body("code", equalTo("mfa_not_pending"));
        Api.admin(company).body(Map.of("value", "123456")).post("/api/banking/items/" + itemId + "/mfa/").then()
                .statusCode(409).body("code", equalTo("mfa_not_pending"));
        Awaitility.await().atMost(WAIT).until(() -> "UPDATED".equals(Sandbox.item(pluggyItemId).getString("status")));
    }

    @Test
    void theWaitingForInputWebhookFetchesThePromptAndStoresItEncrypted() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = waitingForMfa(company);
        String itemId = Api.callback(company, pluggyItemId).statusCode(200).extract().path("data.item.id");
        // As if the prompt had not been there at the callback: only the webhook can bring it.
        Db.update(db, "UPDATE items SET encrypted_parameter = NULL, status = 'UPDATING', state_at = now() - interval"
                + " '1 hour' WHERE id = ?", UUID.fromString(itemId));

        Events.publishWebhook(Events.webhook("item/waiting_user_input", pluggyItemId, Instant.now()));

        Awaitility.await().atMost(WAIT).until(() -> Db.single(db,
                "SELECT encrypted_parameter FROM items WHERE id = ?", UUID.fromString(itemId)) != null);
        Api.member(company).get("/api/banking/items/" + itemId + "/mfa/").then().statusCode(200)
                .body("label", equalTo("Token"));

        Events.publishWebhook(Events.webhook("item/updated", pluggyItemId, Instant.now().plusSeconds(1)));
        Awaitility.await().atMost(WAIT).until(() -> Db.single(db,
                "SELECT encrypted_parameter FROM items WHERE id = ?", UUID.fromString(itemId)) == null);
        Api.member(company).get("/api/banking/items/" + itemId + "/").then().statusCode(200)
                .body("status", equalTo("UPDATED"));
    }

    private static String waitingForMfa(UUID company) {
        String pluggyItemId = Sandbox.createItem(Sandbox.PLUGGY_BANK_MFA,
                Map.of("user", "user-ok", "password", "password-ok"), company.toString()).getString("id");
        Awaitility.await().atMost(WAIT).until(() -> "WAITING_USER_INPUT"
                .equals(Sandbox.item(pluggyItemId).getString("status")));
        return pluggyItemId;
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
