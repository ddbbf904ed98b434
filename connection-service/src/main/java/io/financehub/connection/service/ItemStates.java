package io.financehub.connection.service;

import java.time.Instant;
import java.util.Set;

import io.financehub.connection.Item;

/**
 * Pluggy's item states and errors, and what each asks of the user. The error mapping is the spec's: LOGIN_ERROR or
 * INVALID_CREDENTIALS → reconnect; USER_INPUT_TIMEOUT → AUTHENTICATION_TIMEOUT, reconnect; OUTDATED → retry.
 */
public final class ItemStates {

    public static final String UPDATED = "UPDATED";
    public static final String UPDATING = "UPDATING";
    public static final String WAITING_USER_INPUT = "WAITING_USER_INPUT";
    public static final String WAITING_USER_ACTION = "WAITING_USER_ACTION";
    public static final String LOGIN_ERROR = "LOGIN_ERROR";
    public static final String OUTDATED = "OUTDATED";

    public static final String AUTHENTICATION_TIMEOUT = "AUTHENTICATION_TIMEOUT";
    public static final String AUTHENTICATION_TIMEOUT_MESSAGE = "Authentication timeout. Please reconnect your account.";

    /** Execution errors that leave the item in LOGIN_ERROR at Pluggy: only new credentials or consent fix them. */
    private static final Set<String> CREDENTIAL_ERRORS = Set.of("INVALID_CREDENTIALS", "INVALID_CREDENTIALS_MFA",
            "ACCOUNT_LOCKED", "ACCOUNT_NEEDS_ACTION", "ACCOUNT_CREDENTIALS_RESET", "USER_NOT_SUPPORTED",
            "USER_AUTHORIZATION_NOT_GRANTED", "USER_AUTHORIZATION_PENDING");

    /** What the user must do next. */
    public enum NextAction {
        NONE, ANSWER_MFA, RECONNECT
    }

    private ItemStates() {
    }

    /** Whether a state observed at {@code at} is at least as new as the one held: the newest state wins. */
    public static boolean isNewer(Item item, Instant at) {
        return item.stateAt == null || !at.isBefore(item.stateAt);
    }

    /** Stores an execution error the way the spec names it. */
    public static void setError(Item item, String code, String message) {
        if (code == null) {
            item.errorCode = null;
            item.errorMessage = message;
        } else if ("USER_INPUT_TIMEOUT".equals(code)) {
            item.errorCode = AUTHENTICATION_TIMEOUT;
            item.errorMessage = AUTHENTICATION_TIMEOUT_MESSAGE;
        } else {
            item.errorCode = code;
            item.errorMessage = message;
        }
    }

    /** The item status an error webhook implies (the webhook itself does not carry the status). */
    public static String statusForError(String code) {
        return code != null && CREDENTIAL_ERRORS.contains(code) ? LOGIN_ERROR : OUTDATED;
    }

    public static boolean requiresReconnection(Item item) {
        return LOGIN_ERROR.equals(item.status) || WAITING_USER_ACTION.equals(item.status)
                || "INVALID_CREDENTIALS".equals(item.errorCode) || "INVALID_CREDENTIALS".equals(item.executionStatus)
                || AUTHENTICATION_TIMEOUT.equals(item.errorCode) || "USER_INPUT_TIMEOUT".equals(item.executionStatus);
    }

    public static boolean mfaPending(Item item) {
        return WAITING_USER_INPUT.equals(item.status) && item.encryptedParameter != null;
    }

    public static NextAction nextAction(Item item) {
        if (mfaPending(item)) {
            return NextAction.ANSWER_MFA;
        }
        if (requiresReconnection(item)) {
            return NextAction.RECONNECT;
        }
        return NextAction.NONE;
    }

    /** OUTDATED: the credentials were fine, the last execution failed; another attempt may succeed. */
    public static boolean canRetry(Item item) {
        return OUTDATED.equals(item.status) && !requiresReconnection(item);
    }
}
