package io.financehub.webhook;

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
}
