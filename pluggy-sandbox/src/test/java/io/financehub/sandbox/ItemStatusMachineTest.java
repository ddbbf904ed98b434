package io.financehub.sandbox;

import static io.financehub.sandbox.Sandbox.apiKey;
import static io.financehub.sandbox.Sandbox.as;
import static io.financehub.sandbox.Sandbox.awaitItem;
import static io.financehub.sandbox.Sandbox.awaitStatus;
import static io.financehub.sandbox.Sandbox.createItem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ItemStatusMachineTest {

    private String key;

    @BeforeEach
    void setUp() {
        Sandbox.reset();
        key = apiKey();
    }

    @Test
    void userOkMovesThroughPluggysStepsToUpdated() {
        JsonPath created = as(key).body(Map.of("connectorId", 0, "parameters",
                Map.of("user", "user-ok", "password", "password-ok"))).post("/items").then().statusCode(200).extract()
                .jsonPath();
        String id = created.getString("id");
        Set<String> seen = new LinkedHashSet<>();
        seen.add(created.getString("status") + "/" + created.getString("executionStatus"));
        JsonPath item = awaitItem(key, id, i -> {
            seen.add(i.getString("status") + "/" + i.getString("executionStatus"));
            return "UPDATED".equals(i.getString("status"));
        });
        assertTrue(seen.contains("UPDATING/LOGIN_IN_PROGRESS"), seen.toString());
        // Login, accounts and transactions each take one 50 ms step (polling may miss the short middle states).
        JsonPath execution = io.restassured.RestAssured.given().get("/sandbox/items/" + id + "/executions").then()
                .statusCode(200).extract().jsonPath();
        java.time.Instant started = java.time.Instant.parse(execution.getString("[0].startedAt"));
        java.time.Instant finished = java.time.Instant.parse(execution.getString("[0].finishedAt"));
        assertTrue(java.time.Duration.between(started, finished).toMillis() >= 150, seen.toString());
        assertEquals("SUCCESS", execution.getString("[0].executionStatus"));
        assertEquals("SUCCESS", item.getString("executionStatus"));
        assertNull(item.get("error"));
        assertNotNull(item.getString("lastUpdatedAt"));
        assertNotNull(item.getString("nextAutoSyncAt"));
        assertEquals(0, item.getInt("connector.id"));
        assertTrue(item.getString("createdAt").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        as(key).get("/accounts?itemId=" + id).then().statusCode(200).body("total", equalTo(3));
    }

    @ParameterizedTest
    @CsvSource({
        "user-locked, LOGIN_ERROR, ACCOUNT_LOCKED",
        "user-logged, OUTDATED, ALREADY_LOGGED_IN",
        "user-error, OUTDATED, UNEXPECTED_ERROR",
        "user-unavailable, OUTDATED, SITE_NOT_AVAILABLE",
        "user-account-need-actions, LOGIN_ERROR, ACCOUNT_NEEDS_ACTION",
        "user-connection-error, OUTDATED, CONNECTION_ERROR",
        "user-account-credentials-reset, LOGIN_ERROR, ACCOUNT_CREDENTIALS_RESET",
        "user-not-supported, LOGIN_ERROR, USER_NOT_SUPPORTED",
        "someone-else, LOGIN_ERROR, INVALID_CREDENTIALS" })
    void specialUsernamesEndAsPluggyDocuments(String user, String status, String executionStatus) {
        String id = createItem(key, 0, Map.of("user", user, "password", "password-ok"));
        JsonPath item = awaitItem(key, id, i -> !"UPDATING".equals(i.getString("status")));
        assertEquals(status, item.getString("status"));
        assertEquals(executionStatus, item.getString("executionStatus"));
        assertEquals(executionStatus, item.getString("error.code"));
        assertNotNull(item.getString("error.message"));
    }

    @Test
    void providerMessageVariantCarriesIt() {
        String id = createItem(key, 0, Map.of("user", "user-account-need-actions-provider-message",
                "password", "password-ok"));
        JsonPath item = awaitStatus(key, id, "LOGIN_ERROR");
        assertNotNull(item.getString("error.providerMessage"));
    }

    @Test
    void wrongPasswordCountsConsecutiveFailedLogins() {
        String id = createItem(key, 0, Map.of("user", "user-ok", "password", "nope"));
        awaitStatus(key, id, "LOGIN_ERROR");
        as(key).body(Map.of()).patch("/items/" + id).then().statusCode(200);
        JsonPath item = awaitItem(key, id, i -> i.getInt("consecutiveFailedLoginAttempts") == 2);
        assertEquals("INVALID_CREDENTIALS", item.getString("executionStatus"));
        as(key).body(Map.of("parameters", Map.of("password", "password-ok"))).patch("/items/" + id).then()
                .statusCode(200);
        item = awaitStatus(key, id, "UPDATED");
        assertEquals(0, item.getInt("consecutiveFailedLoginAttempts"));
    }

    @Test
    void partialSuccessReportsTheFailedProduct() {
        String id = createItem(key, 0, Map.of("user", "user-ok-account-error", "password", "password-ok"));
        JsonPath item = awaitStatus(key, id, "UPDATED");
        assertEquals("PARTIAL_SUCCESS", item.getString("executionStatus"));
        assertFalse(item.getBoolean("statusDetail.accounts.isUpdated"));
        assertTrue(item.getBoolean("statusDetail.transactions.isUpdated"));
        as(key).get("/accounts?itemId=" + id).then().body("results.type", equalTo(List.of("CREDIT")));
    }

    @Test
    void oneStepMfaAsksForATokenAnd123456Succeeds() {
        String id = createItem(key, 2, Map.of("user", "user-ok", "password", "password-ok"));
        JsonPath item = awaitStatus(key, id, "WAITING_USER_INPUT");
        assertEquals("token", item.getString("parameter.name"));
        assertTrue(item.getBoolean("parameter.mfa"));
        assertNotNull(item.getString("parameter.expiresAt"));
        as(key).body(Map.of("token", "123456")).post("/items/" + id + "/mfa").then().statusCode(200)
                .body("status", equalTo("UPDATING")).body("executionStatus", equalTo("LOGIN_MFA_IN_PROGRESS"));
        assertEquals("SUCCESS", awaitStatus(key, id, "UPDATED").getString("executionStatus"));
    }

    @Test
    void twoStepMfaAsksTwice() {
        String id = createItem(key, 3, Map.of("user", "user-ok", "password", "password-ok"));
        awaitStatus(key, id, "WAITING_USER_INPUT");
        as(key).body(Map.of("token", "123456")).post("/items/" + id + "/mfa").then().statusCode(200);
        JsonPath second = awaitItem(key, id, i -> "WAITING_USER_INPUT".equals(i.getString("status"))
                && "token2".equals(i.getString("parameter.name")));
        assertNotNull(second.getString("parameter.label"));
        as(key).body(Map.of("token2", "123456")).post("/items/" + id + "/mfa").then().statusCode(200);
        awaitStatus(key, id, "UPDATED");
    }

    @Test
    void wrongMfaIsALoginError() {
        String id = createItem(key, 2, Map.of("user", "user-ok", "password", "password-ok"));
        awaitStatus(key, id, "WAITING_USER_INPUT");
        as(key).body(Map.of("token", "000000")).post("/items/" + id + "/mfa").then().statusCode(200);
        JsonPath item = awaitStatus(key, id, "LOGIN_ERROR");
        assertEquals("INVALID_CREDENTIALS_MFA", item.getString("executionStatus"));
    }

    @Test
    void unansweredMfaTimesOutAndLeavesTheItemOutdated() {
        String id = createItem(key, 2, Map.of("user", "user-ok", "password", "password-ok"));
        awaitStatus(key, id, "WAITING_USER_INPUT");
        JsonPath item = awaitStatus(key, id, "OUTDATED");
        assertEquals("USER_INPUT_TIMEOUT", item.getString("executionStatus"));
        assertNull(item.get("parameter"));
        as(key).body(Map.of("token", "123456")).post("/items/" + id + "/mfa").then().statusCode(400);
    }

    @Test
    void refreshRunsANewExecutionAndRefusesAConcurrentOne() {
        String waiting = createItem(key, 2, Map.of("user", "user-ok", "password", "password-ok"));
        awaitStatus(key, waiting, "WAITING_USER_INPUT");
        as(key).body(Map.of()).patch("/items/" + waiting).then().statusCode(400)
                .body("codeDescription", equalTo("ITEM_IS_ALREADY_UPDATING"));

        String id = createItem(key, 0, Map.of("user", "user-ok", "password", "password-ok"));
        String firstUpdate = awaitStatus(key, id, "UPDATED").getString("lastUpdatedAt");
        as(key).patch("/items/" + id).then().statusCode(200).body("status", equalTo("UPDATING"));
        JsonPath item = awaitItem(key, id, i -> "UPDATED".equals(i.getString("status"))
                && !firstUpdate.equals(i.getString("lastUpdatedAt")));
        assertEquals("SUCCESS", item.getString("executionStatus"));
    }

    @Test
    void deleteRemovesTheItemAndItsAccounts() {
        String id = createItem(key, 0, Map.of("user", "user-ok", "password", "password-ok"));
        awaitStatus(key, id, "UPDATED");
        String accountId = as(key).get("/accounts?itemId=" + id).then().extract().path("results[0].id");
        as(key).delete("/items/" + id).then().statusCode(200);
        as(key).get("/items/" + id).then().statusCode(404).body("code", equalTo(404));
        as(key).get("/accounts/" + accountId).then().statusCode(404);
    }

    @Test
    void sandboxBankAcceptsAnyCredentialsAndOpenFinanceGetsAConsent() {
        String any = createItem(key, 201, Map.of("user", "whoever", "password", "whatever"));
        assertEquals("SUCCESS", awaitStatus(key, any, "UPDATED").getString("executionStatus"));
        String of = createItem(key, 5, Map.of("cpf", "12345678909"));
        assertNotNull(awaitStatus(key, of, "UPDATED").getString("consentExpiresAt"));
    }

    @Test
    void missingCredentialsAre400() {
        as(key).body(Map.of("connectorId", 0, "parameters", Map.of("user", "user-ok"))).post("/items").then()
                .statusCode(400).body("codeDescription", equalTo("PARAMETER_VALIDATION_ERROR"));
        as(key).body(Map.of("connectorId", 999, "parameters", Map.of())).post("/items").then().statusCode(404);
    }
}
