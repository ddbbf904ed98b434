package io.financehub.sync.messaging;

import com.fasterxml.jackson.core.type.TypeReference;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.events.SyncRequested;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/**
 * Reads banking.sync-requests straight into the typed envelope. A record that is not JSON of this shape arrives as
 * null (fail-on-deserialization-failure=false) and goes to the dead-letter topic.
 */
public class SyncRequestDeserializer extends ObjectMapperDeserializer<EventEnvelope<SyncRequested>> {

    public SyncRequestDeserializer() {
        super(new TypeReference<>() {
        });
    }
}
