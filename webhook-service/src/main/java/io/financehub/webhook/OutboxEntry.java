package io.financehub.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One pending publication of a {@link WebhookEvent}. Its id is the Kafka envelope's id, so a row published twice
 * (a relay that died between Kafka's ack and its commit) is deduplicated by consumers; a replay is a new row with a
 * new id, on purpose.
 */
@Entity
@Table(name = "webhook_outbox")
public class OutboxEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "webhook_event_id")
    public UUID webhookEventId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;

    public static OutboxEntry replayOf(UUID webhookEventId, Instant now) {
        OutboxEntry entry = new OutboxEntry();
        entry.id = UUID.randomUUID();
        entry.webhookEventId = webhookEventId;
        entry.createdAt = now;
        entry.nextAttemptAt = now;
        return entry;
    }
}
