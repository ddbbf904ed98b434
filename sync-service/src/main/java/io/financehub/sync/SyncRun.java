package io.financehub.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One sync request and how its sync went, readable while it progresses. The id is the request's envelope id.
 * Page and transaction counters are advanced by the paging hot path in SQL (beside the account cursor), so updates
 * through this entity write only the columns they change.
 */
@Entity
@Table(name = "sync_runs")
@DynamicUpdate
public class SyncRun extends PanacheEntityBase {

    public enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED, NEEDS_USER_ACTION;

        public boolean isFinal() {
            return this == SUCCEEDED || this == FAILED || this == NEEDS_USER_ACTION;
        }
    }

    @Id
    public UUID id;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "company_id")
    public UUID companyId;
    @Column(name = "pluggy_item_id")
    public String pluggyItemId;
    @Column(name = "pluggy_account_id")
    public String pluggyAccountId;
    public String trigger;
    public boolean forced;
    @Column(name = "window_from")
    public LocalDate windowFrom;
    @Column(name = "window_to")
    public LocalDate windowTo;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "item_status")
    public String itemStatus;
    public int attempts;
    public int accounts;
    public int pages;
    @Column(name = "transactions_seen")
    public long transactionsSeen;
    @Column(name = "transactions_deleted")
    public long transactionsDeleted;
    @Column(name = "covered_by")
    public UUID coveredBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "error_code")
    public String errorCode;
    public String error;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
