package io.financehub.ledger.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.kafka.common.serialization.Deserializer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.Topics;
import io.quarkus.arc.Arc;

/**
 * Reads banking.accounts, which carries two payload types: the envelope's type is read first, then the whole record as
 * {@code EventEnvelope<payload class of that type>}. A type the topic does not carry yields null, which the consumer
 * skips.
 */
public class AccountEventDeserializer implements Deserializer<EventEnvelope<?>> {

    /** Kafka creates deserializers by class name, outside CDI: take the application's mapper from the container. */
    private final ObjectMapper mapper = Arc.container().instance(ObjectMapper.class).get();

    @Override
    public EventEnvelope<?> deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            String type = mapper.readValue(data, Head.class).type();
            if (!EventTypes.ACCOUNTS_SNAPSHOT.equals(type) && !EventTypes.ITEM_REMOVED.equals(type)) {
                return null;
            }
            JavaType envelope = mapper.getTypeFactory()
                    .constructParametricType(EventEnvelope.class, EventTypes.PAYLOAD_CLASSES.get(type));
            return mapper.readValue(data, envelope);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable record on " + Topics.ACCOUNTS, e);
        }
    }

    /** Just the envelope's type. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Head(String type) {
    }
}
