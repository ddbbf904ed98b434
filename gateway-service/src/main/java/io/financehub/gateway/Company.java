package io.financehub.gateway;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.financehub.contracts.events.Plan;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A customer of the suite: the tenant every token and every query is scoped by. */
@Entity
@Table(name = "companies")
public class Company extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public Plan plan;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
