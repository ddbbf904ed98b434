package io.financehub.sync;

import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.ServiceConformance;
import io.financehub.sync.testing.SandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(SandboxResource.class)
class SyncServiceTest extends ServiceConformance {

    @Override
    protected String protectedPath() {
        return "/api/banking/sync-runs";
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] { "Reactive PostgreSQL connections health check", "Kafka connection health check", "Redis connection health check" };
    }
}
