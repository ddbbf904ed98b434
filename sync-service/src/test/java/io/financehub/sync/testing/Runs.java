package io.financehub.sync.testing;

import static io.financehub.support.testing.SandboxProcess.pause;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import io.financehub.support.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Sync runs through the service's own API, as the SPA reads them. */
public final class Runs {

    private static final Set<String> FINAL = Set.of("succeeded", "failed", "needs_user_action");

    private Runs() {
    }

    /** Waits for the run of a request to end; returns it. */
    public static JsonPath awaitFinal(UUID companyId, UUID runId, Duration timeout) {
        return awaitFinal(null, companyId, runId, timeout);
    }

    /** The same, against a service at {@code baseUrl} (null: the one under test). */
    public static JsonPath awaitFinal(String baseUrl, UUID companyId, UUID runId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no run yet";
        while (System.nanoTime() < deadline) {
            var request = given();
            if (baseUrl != null) {
                request = request.baseUri(baseUrl).port(-1);
            }
            Response response = request.auth().oauth2(TestTokens.member(companyId))
                    .get("/api/banking/sync-runs/" + runId);
            if (response.statusCode() == 200) {
                JsonPath run = response.jsonPath();
                if (FINAL.contains(run.getString("status"))) {
                    return run;
                }
                last = response.asString();
            }
            pause(100);
        }
        throw new AssertionError("Run " + runId + " did not end within " + timeout + ": " + last);
    }
}
