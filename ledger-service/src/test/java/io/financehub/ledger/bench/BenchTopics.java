package io.financehub.ledger.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Creates the benchmark's topics (12 partitions, like banking.transactions) before the app starts; deletes them after. */
public class BenchTopics implements QuarkusTestResourceLifecycleManager {

    private static final List<String> TOPICS = List.of(BenchmarkProfile.TRANSACTIONS, BenchmarkProfile.ACCOUNTS,
            BenchmarkProfile.COMPANIES);

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")));
    }

    @Override
    public Map<String, String> start() {
        try (Admin admin = admin()) {
            admin.deleteTopics(TOPICS).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            // absent: nothing to delete
        }
        try (Admin admin = admin()) {
            Thread.sleep(2_000);
            admin.createTopics(TOPICS.stream().map(t -> new NewTopic(t, 12, (short) 1)).toList()).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Could not create the benchmark topics", e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        try (Admin admin = admin()) {
            admin.deleteTopics(TOPICS).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Could not delete the benchmark topics", e);
        }
    }
}
