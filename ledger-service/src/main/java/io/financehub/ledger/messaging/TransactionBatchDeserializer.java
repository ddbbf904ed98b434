package io.financehub.ledger.messaging;

import com.fasterxml.jackson.core.type.TypeReference;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.events.TransactionBatch;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/**
 * Reads banking.transactions straight into the typed envelope, so amounts keep their scale (a tree model would turn
 * 12.30 into 12.3). A record that cannot be read arrives as null (fail-on-deserialization-failure=false) and is skipped.
 */
public class TransactionBatchDeserializer extends ObjectMapperDeserializer<EventEnvelope<TransactionBatch>> {

    public TransactionBatchDeserializer() {
        super(new TypeReference<>() {
        });
    }
}
