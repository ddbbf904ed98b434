package io.financehub.gateway;

import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.ServiceConformance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(JwtTestResource.class)
class GatewayServiceTest extends ServiceConformance {

    @Override
    protected String protectedPath() {
        return "/api/auth/me";
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] { "Reactive PostgreSQL connections health check", "Kafka connection health check", "Redis connection health check" };
    }
}
