package io.financehub.sync.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.events.SyncRequested;
import io.financehub.contracts.events.SyncTrigger;
import io.financehub.support.testing.ConsumerGroups;

/** The real broker, as the tests see it: publish sync requests, watch what the service publishes. */
public final class Broker {

    public static final String BOOTSTRAP = System.getProperty("kafka.bootstrap.servers",
            System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
    public static final String SYNC_REQUESTS = io.financehub.contracts.Topics.SYNC_REQUESTS;
    public static final String DLQ = "banking.sync-requests.dlq";
    /** The consumer group of the service under test (application.properties, %test). */
    public static final String TEST_GROUP = "sync-service-test";

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static KafkaProducer<String, String> producer;

    private Broker() {
    }

    /** Commits the group's offsets at the end of banking.sync-requests, so it starts with what is published next. */
    public static void skipToEnd(String group) {
        ConsumerGroups.moveToEnd(BOOTSTRAP, group, List.of(SYNC_REQUESTS));
    }

    /** A sync request as connection-service sends it; returns its envelope (whose id is the run's id). */
    public static EventEnvelope<SyncRequested> requestSync(UUID companyId, String itemId, String accountId,
            SyncTrigger trigger, boolean force, LocalDate from, LocalDate to, List<String> deletedIds) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        EventEnvelope<SyncRequested> envelope = new EventEnvelope<>(id, EventTypes.SYNC_REQUESTED,
                EventEnvelope.CURRENT_VERSION, now, companyId,
                new SyncRequested(itemId, accountId, trigger, force, from, to, deletedIds, now, id));
        publish(SYNC_REQUESTS, itemId, json(envelope));
        return envelope;
    }

    public static EventEnvelope<SyncRequested> requestSync(UUID companyId, String itemId) {
        return requestSync(companyId, itemId, null, SyncTrigger.USER, false, null, null, List.of());
    }

    public static synchronized void publish(String topic, String key, String value) {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a topic from its end as of now: everything published after {@link #watch(String)} returns. */
    public static Watch watch(String topic) {
        return new Watch(topic);
    }

    public static final class Watch implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;

        private Watch(String topic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        /** Polls until {@code done} holds over everything read so far, handing each record to {@code sink}. */
        public void until(Duration timeout, java.util.function.Consumer<ConsumerRecord<String, String>> sink,
                java.util.function.BooleanSupplier done) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Not reached within " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    sink.accept(record);
                }
            }
        }

        /** Everything that arrives within {@code window}. */
        public List<ConsumerRecord<String, String>> drain(Duration window) {
            List<ConsumerRecord<String, String>> all = new ArrayList<>();
            long deadline = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
            return all;
        }

        /** The first record matching, waiting up to {@code timeout}. */
        public ConsumerRecord<String, String> first(Duration timeout, Predicate<ConsumerRecord<String, String>> match) {
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            until(timeout, record -> {
                if (found.isEmpty() && match.test(record)) {
                    found.add(record);
                }
            }, () -> !found.isEmpty());
            return found.get(0);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
