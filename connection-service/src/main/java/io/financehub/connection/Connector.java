package io.financehub.connection;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An institution of Pluggy's catalogue, as last synced. */
@Entity
@Table(name = "connectors")
public class Connector extends PanacheEntityBase {

    @Id
    @Column(name = "pluggy_id")
    public Integer pluggyId;
    public String name;
    @Column(name = "institution_url")
    public String institutionUrl;
    @Column(name = "image_url")
    public String imageUrl;
    @Column(name = "primary_color")
    public String primaryColor;
    public String type;
    public String country;
    @Column(name = "has_mfa")
    public boolean hasMfa;
    @Column(name = "has_oauth")
    public boolean hasOauth;
    @Column(name = "is_open_finance")
    public boolean isOpenFinance;
    @Column(name = "is_sandbox")
    public boolean isSandbox;
    /** JSON array of product names. */
    public String products;
    /** JSON array of Pluggy's ConnectorCredential: the login form. */
    public String credentials;
    @Column(name = "health_status")
    public String healthStatus;
    @Column(name = "health_stage")
    public String healthStage;
    @Column(name = "synced_at")
    public Instant syncedAt;
}
