package io.financehub.ledger.messaging;

import java.io.IOException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.events.TransactionBatch;
import io.quarkus.arc.Arc;

/**
 * Reads banking.transactions straight into the typed envelope, so amounts keep their scale (a tree model would turn
 * 12.30 into 12.3). A record that cannot be read arrives as null (fail-on-deserialization-failure=false) and is skipped.
 * <p>
 * Jackson parses the record's bytes in place: a record is a batch of up to 500 transactions (~0.5 MB), which
 * Quarkus' ObjectMapperDeserializer would read through an InputStream, copying it in 8 KB chunks first.
 */
public class TransactionBatchDeserializer implements Deserializer<EventEnvelope<TransactionBatch>> {

    /** Kafka creates deserializers by class name, outside CDI: take the application's mapper from the container. */
    private final ObjectMapper mapper = Arc.container().instance(ObjectMapper.class).get();
    private final JavaType type = mapper.getTypeFactory().constructType(
            new TypeReference<EventEnvelope<TransactionBatch>>() {
            });

    @Override
    public EventEnvelope<TransactionBatch> deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.readValue(data, 0, data.length, type);
        } catch (IOException e) {
            throw new SerializationException("Unreadable transaction batch on " + topic, e);
        }
    }
}
