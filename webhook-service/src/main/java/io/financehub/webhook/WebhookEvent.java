package io.financehub.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A webhook as Pluggy delivered it, kept once per eventId. */
@Entity
@Table(name = "webhook_events")
public class WebhookEvent extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "event_id")
    public String eventId;
    public String event;
    @Column(name = "item_id")
    public String itemId;
    @Column(name = "company_id")
    public UUID companyId;
    public String body;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
}
