package io.financehub.sandbox.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.financehub.sandbox.data.Connector;
import io.financehub.sandbox.data.Connector.Credential;

/**
 * An item's live state. Mutated only by {@link ItemService} under the item's monitor; read through
 * {@link #snapshot()}, which copies it into the immutable {@link ItemView} the API serialises.
 */
public final class Item {

    final String id;
    final int connectorId;
    final Instant createdAt;
    final String createdByToken;
    Map<String, String> parameters;
    String status = "UPDATING";
    String executionStatus = "CREATED";
    ItemView.StatusDetail statusDetail;
    ItemView.ExecutionError error;
    Instant updatedAt;
    Instant lastUpdatedAt;
    Credential parameter;
    String webhookUrl;
    String clientUserId;
    int consecutiveFailedLoginAttempts;
    Instant nextAutoSyncAt;
    Instant consentExpiresAt;
    List<String> products;
    /** Bumped by every new execution, so timers of an abandoned one do nothing. */
    int executionNumber;
    int mfaStep;
    String triggeredBy;
    boolean everSucceeded;
    boolean deleted;
    long userInputTimer = -1;
    int ordinal;
    Instant executionStartedAt;
    LoginOutcome outcome;
    final List<String> accountIds = new ArrayList<>();
    final List<ExecutionRecord> executions = new ArrayList<>();

    Item(String id, int connectorId, Instant createdAt, String createdByToken) {
        this.id = id;
        this.connectorId = connectorId;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.createdByToken = createdByToken;
    }

    public String id() {
        return id;
    }

    public synchronized String clientUserId() {
        return clientUserId;
    }

    public synchronized String webhookUrl() {
        return webhookUrl;
    }

    public String createdByToken() {
        return createdByToken;
    }

    public synchronized List<String> accountIds() {
        return List.copyOf(accountIds);
    }

    public synchronized List<ExecutionRecord> executions() {
        return List.copyOf(executions);
    }

    public synchronized boolean isDeleted() {
        return deleted;
    }

    public synchronized ItemView snapshot(Connector connector) {
        return new ItemView(id, connector, status, executionStatus, statusDetail, error, createdAt, updatedAt,
                lastUpdatedAt, parameter, webhookUrl, clientUserId, null, consecutiveFailedLoginAttempts,
                nextAutoSyncAt, consentExpiresAt, products);
    }
}
