package io.financehub.webhook.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.Topics;
import io.financehub.contracts.events.PluggyWebhookReceived;

/**
 * Reads {@code pluggy.webhook-events} from its end at construction, in the background, without a consumer group:
 * other suites publish to the same topic, so tests look for their own eventIds rather than count records.
 */
public final class TopicWatcher implements AutoCloseable {

    /** A record as it arrived: its key and its envelope. */
    public record Received(String key, EventEnvelope<PluggyWebhookReceived> envelope) {

        public String eventId() {
            return envelope.payload() == null ? null : envelope.payload().eventId();
        }
    }

    private static final TypeReference<EventEnvelope<PluggyWebhookReceived>> ENVELOPE = new TypeReference<>() {
    };

    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private final ObjectMapper json;
    private volatile boolean running = true;

    public TopicWatcher(ObjectMapper json) {
        this.json = json;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.WEBHOOK_EVENTS, Duration.ofSeconds(10))
                .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the test produces anything
        poller = new Thread(this::poll, "topic-watcher");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    received.add(new Received(record.key(), parse(record.value())));
                }
            }
        } catch (WakeupException closing) {
            // close() wakes the poll up
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private EventEnvelope<PluggyWebhookReceived> parse(String value) {
        try {
            return json.readValue(value, ENVELOPE);
        } catch (JsonProcessingException foreign) {
            return null;
        }
    }

    /** Every record of this eventId seen so far. */
    public List<Received> withEventId(String eventId) {
        return received.stream().filter(r -> r.envelope() != null && eventId.equals(r.eventId())).toList();
    }

    /** Waits until {@code count} records match, then returns them (possibly more, if more arrived). */
    public List<Received> await(Predicate<Received> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> found = matching(filter);
            if (found.size() >= count) {
                return found;
            }
            sleep(50);
        }
        List<Received> found = matching(filter);
        throw new AssertionError("Expected " + count + " records on " + Topics.WEBHOOK_EVENTS + ", saw "
                + found.size() + " within " + timeout);
    }

    public List<Received> awaitEventId(String eventId, int count, Duration timeout) {
        return await(r -> eventId.equals(r.eventId()), count, timeout);
    }

    /** Lets records that should not come have a chance to arrive before asserting they did not. */
    public void settle(Duration quiet) {
        sleep(quiet.toMillis());
    }

    public Map<String, Long> countsByEventId(Predicate<Received> filter) {
        return matching(filter).stream().collect(Collectors.groupingBy(Received::eventId,
                Collectors.counting()));
    }

    private List<Received> matching(Predicate<Received> filter) {
        return received.stream().filter(r -> r.envelope() != null && r.envelope().payload() != null)
                .filter(filter).toList();
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
