package io.financehub.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A webhook as Pluggy delivered it, kept once per eventId: the audit trail of what Pluggy sent. The delivery columns
 * (status, published_at, attempts, last_error) mirror its latest outbox row so the audit reads one table.
 */
@Entity
@Table(name = "webhook_events")
public class WebhookEvent extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "event_id")
    public String eventId;
    /** Normalised: {@code item/created}, never {@code item.created}. */
    public String event;
    @Column(name = "item_id")
    public String itemId;
    /** As Pluggy sent it; connection-service sets it to the company's id. */
    @Column(name = "client_user_id")
    public String clientUserId;
    /** {@link #clientUserId} when it is a UUID, else the company an earlier event of the same item named. */
    @Column(name = "company_id")
    public UUID companyId;
    /** The body exactly as received (the signed bytes, UTF-8). */
    public String body;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
}
