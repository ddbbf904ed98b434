package io.financehub.gateway;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A person who signs in; belongs to exactly one company with one role (ADMIN or MEMBER). */
@Entity
@Table(name = "users")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "company_id")
    public UUID companyId;
    /** Stored lower-cased: the unique index is on lower(email). */
    public String email;
    public String name;
    @Column(name = "password_hash")
    public String passwordHash;
    public String role;
    @Column(name = "created_at")
    public Instant createdAt;
}
