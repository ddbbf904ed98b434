package io.financehub.connection;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A company's connection to one institution at Pluggy, with the state Pluggy last reported. */
@Entity
@Table(name = "items")
public class Item extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "company_id")
    public UUID companyId;
    @Column(name = "pluggy_item_id")
    public String pluggyItemId;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "connector_id")
    public Connector connector;
    public String status;
    @Column(name = "execution_status")
    public String executionStatus;
    @Column(name = "error_code")
    public String errorCode;
    @Column(name = "error_message")
    public String errorMessage;
    /** Pluggy's statusDetail as JSON. */
    @Column(name = "status_detail")
    public String statusDetail;
    /** The MFA prompt, encrypted by {@code MfaCipher}; null when none is pending. */
    @Column(name = "encrypted_parameter")
    public byte[] encryptedParameter;
    @Column(name = "parameter_expires_at")
    public Instant parameterExpiresAt;
    @Column(name = "last_updated_at")
    public Instant lastUpdatedAt;
    @Column(name = "next_auto_sync_at")
    public Instant nextAutoSyncAt;
    @Column(name = "consent_expires_at")
    public Instant consentExpiresAt;
    /** When the state held here was observed; older events do not overwrite it. */
    @Column(name = "state_at")
    public Instant stateAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
