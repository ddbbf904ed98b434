package io.financehub.gateway;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An event saved with the change it describes, until the relay has published it (id = the envelope id). */
@Entity
@Table(name = "outbox")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;
    public String topic;
    @Column(name = "record_key")
    public String recordKey;
    public String type;
    /** The serialized {@link io.financehub.contracts.EventEnvelope}, exactly as it goes to Kafka. */
    public String payload;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
