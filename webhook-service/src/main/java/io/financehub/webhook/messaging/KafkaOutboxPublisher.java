package io.financehub.webhook.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes to {@code pluggy.webhook-events} through the {@value #CHANNEL} channel (acks=all, idempotent producer,
 * a delivery timeout of seconds so a broker outage fails attempts quickly and the relay retries them).
 */
@ApplicationScoped
public class KafkaOutboxPublisher implements OutboxPublisher {

    public static final String CHANNEL = "webhook-events";

    private final MutinyEmitter<String> emitter;

    KafkaOutboxPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    @Override
    public Uni<Void> publish(String key, String envelopeJson) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(key)
                .build();
        return emitter.sendMessage(Message.of(envelopeJson).addMetadata(metadata));
    }
}
