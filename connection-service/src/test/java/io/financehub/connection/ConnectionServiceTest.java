package io.financehub.connection;

import io.financehub.connection.testing.SandboxTestResource;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.ServiceConformance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(SandboxTestResource.class)
class ConnectionServiceTest extends ServiceConformance {

    @Override
    protected String protectedPath() {
        return "/api/banking/items";
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] { "Reactive PostgreSQL connections health check", "Kafka connection health check", "Redis connection health check" };
    }
}
