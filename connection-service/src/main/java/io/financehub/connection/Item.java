package io.financehub.connection;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A company's connection to one institution at Pluggy. */
@Entity
@Table(name = "items")
public class Item extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "company_id")
    public UUID companyId;
    @Column(name = "pluggy_item_id")
    public String pluggyItemId;
    @Column(name = "connector_id")
    public Integer connectorId;
    public String status;
    @Column(name = "execution_status")
    public String executionStatus;
    @Column(name = "error_code")
    public String errorCode;
    @Column(name = "error_message")
    public String errorMessage;
    @Column(name = "last_updated_at")
    public Instant lastUpdatedAt;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
