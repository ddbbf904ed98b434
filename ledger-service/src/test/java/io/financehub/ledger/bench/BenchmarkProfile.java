package io.financehub.ledger.bench;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The benchmark's own database (ledger_bench) and topics, so it never touches the ledger's or the tests' data. */
public class BenchmarkProfile implements QuarkusTestProfile {

    static final String TRANSACTIONS = "ledger-bench.transactions";
    static final String ACCOUNTS = "ledger-bench.accounts";
    static final String COMPANIES = "ledger-bench.companies";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "financehub.db.suffix", "_bench",
                "kafka.group.id", "ledger-bench-" + UUID.randomUUID(),
                "mp.messaging.incoming.ledger-transactions.topic", TRANSACTIONS,
                "mp.messaging.incoming.ledger-accounts.topic", ACCOUNTS,
                "mp.messaging.incoming.ledger-companies.topic", COMPANIES,
                "quarkus.log.category.\"io.financehub.ledger\".level", "WARN");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(BenchTopics.class));
    }
}
