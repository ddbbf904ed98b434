package io.financehub.sandbox.item;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.financehub.sandbox.data.Connector;
import io.financehub.sandbox.data.Connector.Credential;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Pluggy's Item, as GET /items/{id} answers it. */
@RegisterForReflection
public record ItemView(
        String id,
        Connector connector,
        String status,
        String executionStatus,
        StatusDetail statusDetail,
        ExecutionError error,
        Instant createdAt,
        Instant updatedAt,
        Instant lastUpdatedAt,
        Credential parameter,
        String webhookUrl,
        String clientUserId,
        Object userAction,
        int consecutiveFailedLoginAttempts,
        Instant nextAutoSyncAt,
        Instant consentExpiresAt,
        List<String> products) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExecutionError(String code, String message, String providerMessage, Map<String, String> attributes) {
    }

    /** Per-product collection state (Pluggy's ItemProductsStatusDetail). */
    @RegisterForReflection
    public record StatusDetail(ProductState accounts, ProductState creditCards, ProductState transactions,
            ProductState investments, ProductState investmentTransactions, ProductState identity,
            ProductState paymentData, ProductState loans, ProductState accountStatements) {
    }

    @RegisterForReflection
    public record ProductState(boolean isUpdated, Instant lastUpdatedAt, List<Warning> warnings) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Warning(String code, String message, String providerMessage) {
    }
}
