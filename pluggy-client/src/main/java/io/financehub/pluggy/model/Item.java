package io.financehub.pluggy.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Pluggy's Item: one user's connection to one institution.
 *
 * @param status          UPDATED, UPDATING, WAITING_USER_INPUT, WAITING_USER_ACTION, MERGING, LOGIN_ERROR or OUTDATED
 *                        (a string: Pluggy adds values)
 * @param executionStatus e.g. SUCCESS, PARTIAL_SUCCESS, LOGIN_IN_PROGRESS, USER_INPUT_TIMEOUT, INVALID_CREDENTIALS
 * @param parameter       the MFA prompt while the item waits for user input
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Item(
        String id,
        Connector connector,
        String status,
        ItemProductsStatusDetail statusDetail,
        ExecutionErrorResult error,
        String executionStatus,
        Instant createdAt,
        Instant updatedAt,
        Instant lastUpdatedAt,
        ConnectorCredential parameter,
        String webhookUrl,
        String clientUserId,
        UserAction userAction,
        Integer consecutiveFailedLoginAttempts,
        Instant nextAutoSyncAt,
        Instant consentExpiresAt,
        List<String> products) {
}
