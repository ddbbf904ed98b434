package io.financehub.ledger;

import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.ServiceConformance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(ConsumersStartAtTheEnd.class)
class LedgerServiceTest extends ServiceConformance {

    @Override
    protected String protectedPath() {
        return "/api/banking/accounts";
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] { "Reactive PostgreSQL connections health check", "Kafka connection health check" };
    }
}
