package io.financehub.sync.service;

import java.time.Instant;
import java.util.UUID;

import io.financehub.contracts.events.ItemStatusChanged;
import io.financehub.pluggy.model.Item;
import io.financehub.sync.SyncRun.Status;

/**
 * What the item's state at Pluggy means for a sync: go ahead, wait for Pluggy to finish collecting, or stop and tell
 * connection-service what the user must do.
 *
 * @param runStatus the run's final status when the sync stops
 */
public record ItemVerdict(Action action, Status runStatus, String errorCode, String errorMessage, boolean mfaRequired,
        boolean reconnectionRequired, boolean retryable) {

    public enum Action {
        SYNC, WAIT, STOP
    }

    public static final String AUTHENTICATION_TIMEOUT = "AUTHENTICATION_TIMEOUT";
    public static final String AUTHENTICATION_TIMEOUT_MESSAGE = "Authentication timeout. Please reconnect your account.";

    public static ItemVerdict of(Item item) {
        String status = item.status();
        String execution = item.executionStatus();
        String code = item.error() != null && item.error().code() != null ? item.error().code() : execution;
        String message = item.error() == null ? null : item.error().message();
        // The timeout is checked first: Pluggy leaves such an item OUTDATED, yet only a new login helps.
        if ("USER_INPUT_TIMEOUT".equals(execution) || "USER_INPUT_TIMEOUT".equals(code)) {
            return stop(Status.NEEDS_USER_ACTION, AUTHENTICATION_TIMEOUT, AUTHENTICATION_TIMEOUT_MESSAGE, false, true,
                    false);
        }
        if ("WAITING_USER_INPUT".equals(status)) {
            return stop(Status.NEEDS_USER_ACTION, "MFA_REQUIRED", "The institution asks for a code (MFA)", true,
                    false, false);
        }
        if ("LOGIN_ERROR".equals(status) || "INVALID_CREDENTIALS".equals(execution)
                || "INVALID_CREDENTIALS".equals(code)) {
            return stop(Status.NEEDS_USER_ACTION, code == null ? "LOGIN_ERROR" : code,
                    message == null ? "The institution rejected the credentials" : message, false, true, false);
        }
        if ("WAITING_USER_ACTION".equals(status)) {
            return stop(Status.NEEDS_USER_ACTION, code == null ? "WAITING_USER_ACTION" : code,
                    message == null ? "The institution asks the user to act" : message, false, true, false);
        }
        if ("OUTDATED".equals(status)) {
            return stop(Status.FAILED, code == null ? "OUTDATED" : code,
                    message == null ? "Pluggy's last update of the item failed" : message, false, false, true);
        }
        if ("UPDATING".equals(status) || "MERGING".equals(status)) {
            return new ItemVerdict(Action.WAIT, null, null, null, false, false, false);
        }
        // UPDATED, and any status Pluggy adds later: the data endpoints still answer.
        return new ItemVerdict(Action.SYNC, null, null, null, false, false, false);
    }

    private static ItemVerdict stop(Status runStatus, String code, String message, boolean mfa, boolean reconnect,
            boolean retryable) {
        return new ItemVerdict(Action.STOP, runStatus, code, message, mfa, reconnect, retryable);
    }

    /** The status event: what was seen at Pluggy, and what it asks of the user. */
    public ItemStatusChanged event(Item item, UUID runId) {
        return new ItemStatusChanged(item.id(), item.status(), item.executionStatus(), errorCode, errorMessage,
                mfaRequired, reconnectionRequired, retryable, runId, Instant.now());
    }
}
