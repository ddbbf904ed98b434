package io.financehub.connection.messaging;

import com.fasterxml.jackson.core.type.TypeReference;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.events.ItemStatusChanged;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

public class ItemStatusEnvelopeDeserializer extends ObjectMapperDeserializer<EventEnvelope<ItemStatusChanged>> {

    public ItemStatusEnvelopeDeserializer() {
        super(new TypeReference<>() {
        });
    }
}
