package io.financehub.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope of every Kafka event.
 *
 * @param id         idempotency key: Kafka delivers at least once, so consumers dedupe on it
 * @param type       one of {@link EventTypes}
 * @param version    payload schema version; changes are additive, so it moves only on a deliberate break
 * @param companyId  owning company, or null where the event is not company-scoped (e.g. a Pluggy webhook)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope<T>(UUID id, String type, int version, Instant occurredAt, UUID companyId, T payload) {

    public static final int CURRENT_VERSION = 1;

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public static <T> EventEnvelope<T> of(String type, UUID companyId, T payload) {
        return new EventEnvelope<>(UUID.randomUUID(), type, CURRENT_VERSION, Instant.now(), companyId, payload);
    }
}
