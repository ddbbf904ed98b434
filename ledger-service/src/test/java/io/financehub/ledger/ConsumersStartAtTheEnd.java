package io.financehub.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Moves the test consumer group to the end of the ledger's topics before the application starts. The tests share
 * the broker's topics with every other module's tests and benchmarks (sync's publish histories of 100,000
 * transactions and more to banking.transactions); without this, a second local run would first read everything
 * published since the last one, and its first tests would wait behind it. Records the tests publish come after the
 * application started, so they are all read.
 */
public class ConsumersStartAtTheEnd implements QuarkusTestResourceLifecycleManager {

    private static final String GROUP = "ledger-service-test";
    private static final List<String> TOPICS = List.of("banking.transactions", "banking.accounts", "banking.companies");

    @Override
    public Map<String, String> start() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        try (Admin admin = Admin.create(config)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(TOPICS).allTopicNames().get(30, TimeUnit.SECONDS)
                    .values()) {
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()),
                        OffsetSpec.latest()));
            }
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(GROUP, ends).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while moving " + GROUP + " to the end of its topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not move " + GROUP + " to the end of its topics (is the broker up? "
                    + "deploy/local/infra starts it)", e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
