package io.financehub.webhook.support;

import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.financehub.contracts.Topics;
import io.financehub.webhook.messaging.OutboxPublisher;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A real Kafka producer pointed at a port where no broker listens: every send fails the way it does while the
 * broker is down (metadata never arrives), just faster. The shared broker itself is never stopped.
 */
public final class UnreachableBroker implements OutboxPublisher, AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public UnreachableBroker() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "50");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "300");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "600");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(props);
    }

    @Override
    public Uni<Void> publish(String key, String envelopeJson) {
        // send() blocks while it waits for metadata: off the event loop.
        return Uni.createFrom().completionStage(() -> {
            java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
            producer.send(new ProducerRecord<>(Topics.WEBHOOK_EVENTS, key, envelopeJson), (metadata, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else {
                    done.complete(null);
                }
            });
            return done;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ZERO);
    }
}
