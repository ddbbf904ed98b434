package io.financehub.support.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * What every service promises, asserted against the running service and its real dependencies:
 * probes that check them, metrics, OpenAPI, and a token check with no way around it.
 * A service's test extends this and names one protected path and its readiness checks.
 */
public abstract class ServiceConformance {

    protected static final UUID COMPANY = UUID.randomUUID();

    /** A GET endpoint that needs a token and answers 200 to an admin of {@link #COMPANY}. */
    protected abstract String protectedPath();

    /** The readiness checks the service must report UP: its database, Kafka, Redis. */
    protected abstract String[] readinessChecks();

    @Test
    void readinessReportsEveryDependencyUp() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(readinessChecks()))
                .body("checks.status", everyItem(equalTo("UP")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exposesPrometheusMetricsAndOpenApiWithoutToken() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }

    @Test
    void acceptsTokenOfTheGateway() {
        given().auth().oauth2(TestTokens.admin(COMPANY))
                .when().get(protectedPath())
                .then().statusCode(200);
    }

    @Test
    void rejectsMissingToken() {
        given().when().get(protectedPath())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void rejectsTokenSignedByAnotherKey() {
        given().auth().oauth2(TestTokens.signedByStranger(COMPANY))
                .when().get(protectedPath()).then().statusCode(401);
    }

    @Test
    void rejectsTokenOfAnotherIssuerOrAudience() {
        given().auth().oauth2(TestTokens.withIssuer(COMPANY, "https://evil.example"))
                .when().get(protectedPath()).then().statusCode(401);
        given().auth().oauth2(TestTokens.withAudience(COMPANY, "another-app"))
                .when().get(protectedPath()).then().statusCode(401);
    }

    @Test
    void rejectsExpiredToken() {
        given().auth().oauth2(TestTokens.expired(COMPANY))
                .when().get(protectedPath()).then().statusCode(401);
    }

    @Test
    void unknownPathAnswersProblemJson() {
        given().auth().oauth2(TestTokens.member(COMPANY))
                .when().get("/api/banking/no-such-thing-" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
