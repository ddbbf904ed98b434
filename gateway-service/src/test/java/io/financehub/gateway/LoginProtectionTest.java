package io.financehub.gateway;

import static io.financehub.gateway.testing.Api.PASSWORD;
import static io.financehub.gateway.testing.Api.from;
import static io.financehub.gateway.testing.Api.newEmail;
import static io.financehub.gateway.testing.Api.newIp;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.financehub.gateway.testing.Api;
import io.financehub.gateway.testing.Api.Account;
import io.financehub.gateway.testing.GatewayKeysTestResource;
import io.financehub.gateway.testing.StubDownstreams;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Test thresholds (application.properties %test): slowed after 2 failures by 0.1 s steps, locked at 5, IP at 8. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(GatewayKeysTestResource.class)
@WithTestResource(StubDownstreams.class)
class LoginProtectionTest {

    @Test
    void failuresAreSlowedThenTheAccountIsLockedEvenForTheRightPassword() {
        Account account = Api.register();
        String ip = newIp();
        long fast = failAndTime(account.email(), ip);
        failAndTime(account.email(), ip);
        long slowed = failAndTime(account.email(), ip);
        long slower = failAndTime(account.email(), ip);
        assertTrue(fast < 100 + slowed && slowed >= 100 && slower >= 200,
                "fast " + fast + " ms, then " + slowed + " ms, then " + slower + " ms");
        failAndTime(account.email(), ip);

        from(newIp()).body(Map.of("email", account.email(), "password", PASSWORD))
                .post("/api/auth/login")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[0-9]+"))
                .body("code", equalTo("login_locked"));
    }

    @Test
    void oneAddressFailingAcrossAccountsIsLocked() {
        String ip = newIp();
        for (int i = 0; i < 8; i++) {
            from(ip).body(Map.of("email", newEmail(), "password", "Wrong-Horse-42"))
                    .post("/api/auth/login").then().statusCode(401);
        }
        Account account = Api.register();
        from(ip).body(Map.of("email", account.email(), "password", PASSWORD))
                .post("/api/auth/login")
                .then().statusCode(429).body("code", equalTo("login_locked"));
        // The account itself is fine from elsewhere.
        Api.login(account.email(), PASSWORD);
    }

    @Test
    void successClearsTheAccountsFailures() {
        Account account = Api.register();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 3; i++) {
                failAndTime(account.email(), newIp());
            }
            Api.login(account.email(), PASSWORD);
        }
    }

    @Test
    void limitsAuthRequestsPerAddress() {
        String ip = newIp();
        for (int i = 0; i < 40; i++) {
            from(ip).body(Map.of("refresh_token", "unknown-" + i))
                    .post("/api/auth/refresh").then().statusCode(401);
        }
        from(ip).body(Map.of("refresh_token", "unknown"))
                .post("/api/auth/refresh")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]?"))
                .body("code", equalTo("rate_limited"));
        from(newIp()).body(Map.of("refresh_token", "unknown")).post("/api/auth/refresh").then().statusCode(401);
    }

    @Test
    void limitsSignInAttemptsPerAccountAcrossAddresses() {
        String email = newEmail();
        for (int i = 0; i < 20; i++) {
            from(newIp()).body(Map.of("email", email, "password", "irrelevant-" + i)).post("/api/auth/login");
        }
        from(newIp()).body(Map.of("email", email, "password", "irrelevant"))
                .post("/api/auth/login")
                .then().statusCode(429).body("code", equalTo("rate_limited"));
    }

    private static long failAndTime(String email, String ip) {
        long start = System.nanoTime();
        from(ip).body(Map.of("email", email, "password", "Wrong-Horse-42"))
                .post("/api/auth/login")
                .then().statusCode(401).body("code", equalTo("invalid_credentials"));
        return (System.nanoTime() - start) / 1_000_000;
    }
}
