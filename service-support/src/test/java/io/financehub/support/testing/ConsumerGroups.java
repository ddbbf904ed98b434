package io.financehub.support.testing;

import java.util.Collection;
import java.util.HashMap;
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

/**
 * The suite's tests share the broker's topics, so a service's test consumer group would first read whatever other
 * modules' tests and benchmarks published since its last run. Moving the group to the end of its topics before the
 * service starts makes it read exactly what its own tests publish.
 */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** Commits {@code group}'s offsets at the end of every partition of {@code topics} (the group must be empty). */
    public static void moveToEnd(String bootstrapServers, String group, Collection<String> topics) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS)
                    .values()) {
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()),
                        OffsetSpec.latest()));
            }
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, ends).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while moving group " + group + " to the end of " + topics, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not move group " + group + " to the end of " + topics
                    + " (is the broker up? deploy/local/infra starts it)", e);
        }
    }
}
