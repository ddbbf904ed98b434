package io.financehub.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.ServiceConformance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(JwtTestResource.class)
class WebhookServiceTest extends ServiceConformance {

    @Override
    protected String protectedPath() {
        return "/api/banking/webhooks/events";
    }

    /**
     * PostgreSQL only: the intake must stay ready while Kafka is down, since storing webhooks for later is its job
     * then (Kafka's state is in the outbox metrics and the "Webhook outbox" well-being check).
     */
    @Override
    protected String[] readinessChecks() {
        return new String[] { "Reactive PostgreSQL connections health check" };
    }

    @Test
    void readinessLeavesKafkaOut() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", not(hasItem("Kafka connection health check")));
    }
}
