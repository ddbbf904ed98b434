package io.financehub.connection.messaging;

import com.fasterxml.jackson.core.type.TypeReference;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.events.PluggyWebhookReceived;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Straight into the typed envelope: a JsonNode detour would lose the scale of money. */
public class WebhookEnvelopeDeserializer extends ObjectMapperDeserializer<EventEnvelope<PluggyWebhookReceived>> {

    public WebhookEnvelopeDeserializer() {
        super(new TypeReference<>() {
        });
    }
}
