package io.financehub.ledger;

import java.util.List;
import java.util.Map;

import io.financehub.support.testing.ConsumerGroups;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Moves the test consumer group to the end of the ledger's topics before the application starts
 * ({@link ConsumerGroups}): sync's tests publish histories of 100,000 transactions and more to banking.transactions,
 * and a second local run would otherwise read all of it before the records its own tests publish.
 */
public class ConsumersStartAtTheEnd implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        ConsumerGroups.moveToEnd(System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                "ledger-service-test", List.of("banking.transactions", "banking.accounts", "banking.companies"));
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
