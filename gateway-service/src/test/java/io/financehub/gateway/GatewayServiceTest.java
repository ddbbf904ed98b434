package io.financehub.gateway;

import io.financehub.gateway.testing.GatewayKeysTestResource;
import io.financehub.gateway.testing.StubDownstreams;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.ServiceConformance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(GatewayKeysTestResource.class)
@WithTestResource(StubDownstreams.class)
class GatewayServiceTest extends ServiceConformance {

    /** Answers 200 to an admin of any company (a company nobody registered has no members yet). */
    @Override
    protected String protectedPath() {
        return "/api/auth/members";
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] { "Reactive PostgreSQL connections health check", "Kafka connection health check", "Redis connection health check" };
    }
}
