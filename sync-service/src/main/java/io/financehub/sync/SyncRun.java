package io.financehub.sync;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One sync of one item, readable while it progresses. */
@Entity
@Table(name = "sync_runs")
public class SyncRun extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "company_id")
    public UUID companyId;
    @Column(name = "pluggy_item_id")
    public String pluggyItemId;
    public String trigger;
    public String status;
    public int pages;
    @Column(name = "transactions_seen")
    public int transactionsSeen;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    public String error;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
