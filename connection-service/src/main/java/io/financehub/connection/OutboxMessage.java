package io.financehub.connection;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An event decided in a transaction, saved in it, and published by the outbox relay once committed: Kafka being
 * down delays it, never loses it.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {

    /** The envelope's id. */
    @Id
    public UUID id;
    public String topic;
    @Column(name = "message_key")
    public String messageKey;
    /** The envelope as JSON text, exactly as it goes out. */
    public String envelope;
    /** Requests with equal keys made within a short window are one request. */
    @Column(name = "coalesce_key")
    public String coalesceKey;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "published_at")
    public Instant publishedAt;
}
