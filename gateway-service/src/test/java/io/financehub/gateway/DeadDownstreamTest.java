package io.financehub.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.financehub.gateway.testing.GatewayKeysTestResource;
import io.financehub.gateway.testing.StubDownstreams;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** ledger-service is down (nothing listens on its port); the others are up. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(GatewayKeysTestResource.class)
@WithTestResource(value = StubDownstreams.class, initArgs = @ResourceArg(name = "dead", value = "ledger-service"))
class DeadDownstreamTest {

    @Test
    void deadServiceAnswers503QuicklyEveryTime() {
        String token = TestTokens.member(UUID.randomUUID());
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            given().auth().oauth2(token).get("/api/banking/transactions/")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("2"))
                    .body("code", equalTo("service_unavailable"))
                    .body("detail", equalTo("ledger-service is unavailable"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2000, "answer " + i + " took " + millis + " ms");
        }
        // The other services are not affected by the ledger's breaker.
        given().auth().oauth2(token).get("/api/banking/items/")
                .then().statusCode(200).body("service", equalTo("connection-service"));
    }
}
