package io.financehub.connection.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.connection.OutboxMessage;
import io.financehub.connection.repository.OutboxRepository;
import io.financehub.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;

/** Saves an event in the caller's transaction; {@code OutboxRelay} publishes it after the commit. */
@ApplicationScoped
public class OutboxService {

    private final OutboxRepository outbox;
    private final ObjectMapper json;

    OutboxService(OutboxRepository outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    public Uni<OutboxMessage> add(String topic, String key, EventEnvelope<?> envelope, String coalesceKey) {
        OutboxMessage message = new OutboxMessage();
        message.id = envelope.id();
        message.topic = topic;
        message.messageKey = key;
        message.coalesceKey = coalesceKey;
        message.createdAt = Instant.now();
        try {
            message.envelope = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event could not be serialised", e);
        }
        return outbox.persist(message);
    }
}
