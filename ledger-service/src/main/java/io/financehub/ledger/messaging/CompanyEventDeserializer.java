package io.financehub.ledger.messaging;

import com.fasterxml.jackson.core.type.TypeReference;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.events.CompanyChanged;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads banking.companies: every type on that topic carries a {@link CompanyChanged}. */
public class CompanyEventDeserializer extends ObjectMapperDeserializer<EventEnvelope<CompanyChanged>> {

    public CompanyEventDeserializer() {
        super(new TypeReference<>() {
        });
    }
}
