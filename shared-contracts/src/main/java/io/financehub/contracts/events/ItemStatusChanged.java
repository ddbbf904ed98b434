package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * What sync-service saw of an item at Pluggy.
 *
 * @param status          Pluggy item status: UPDATED, UPDATING, WAITING_USER_INPUT, WAITING_USER_ACTION, MERGING,
 *                        LOGIN_ERROR, OUTDATED. Kept as a string so a status Pluggy adds does not break consumers.
 * @param executionStatus Pluggy execution status, e.g. SUCCESS, PARTIAL_SUCCESS, USER_INPUT_TIMEOUT
 * @param errorCode       Pluggy execution error code, or null
 * @param syncRunId       the run that observed it, or null when seen outside a run
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ItemStatusChanged(
        String itemId,
        String status,
        String executionStatus,
        String errorCode,
        String errorMessage,
        boolean mfaRequired,
        boolean reconnectionRequired,
        boolean retryable,
        UUID syncRunId,
        Instant observedAt) {
}
