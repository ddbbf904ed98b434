package io.financehub.sandbox.item;

import java.util.Map;

/**
 * How a login ends, after Pluggy's sandbox test users (docs: "Sandbox"). Error outcomes carry the execution status,
 * the item status it leaves the item in, and the message Pluggy gives.
 */
public record LoginOutcome(String executionStatus, String itemStatus, String message, String providerMessage,
        boolean accountsFail, boolean accountsWarning, int transactionMultiplier) {

    static final LoginOutcome OK = new LoginOutcome("SUCCESS", "UPDATED", null, null, false, false, 1);
    static final LoginOutcome INVALID_CREDENTIALS = error("INVALID_CREDENTIALS", "LOGIN_ERROR",
            "Invalid credentials, please check your data and try again.", null);
    static final LoginOutcome INVALID_CREDENTIALS_MFA = error("INVALID_CREDENTIALS_MFA", "LOGIN_ERROR",
            "The MFA token provided was invalid.", null);
    static final LoginOutcome USER_INPUT_TIMEOUT = error("USER_INPUT_TIMEOUT", "OUTDATED",
            "The user did not provide the requested input in time.", null);

    /** Pluggy Bank's special usernames (password-ok required). */
    static final Map<String, LoginOutcome> BY_USERNAME = Map.ofEntries(
            Map.entry("user-ok", OK),
            Map.entry("user-logged", error("ALREADY_LOGGED_IN", "OUTDATED",
                    "The user is already logged in on another session. Log out and try again.", null)),
            Map.entry("user-locked", error("ACCOUNT_LOCKED", "LOGIN_ERROR",
                    "The account is locked. Unlock it at the institution and try again.", null)),
            Map.entry("user-error", error("UNEXPECTED_ERROR", "OUTDATED",
                    "An unexpected error happened while connecting. Try again later.", null)),
            Map.entry("user-unavailable", error("SITE_NOT_AVAILABLE", "OUTDATED",
                    "The institution's site is not available. Try again later.", null)),
            Map.entry("user-account-need-actions", error("ACCOUNT_NEEDS_ACTION", "LOGIN_ERROR",
                    "The institution requires an action from the user (e.g. accept new terms of use).", null)),
            Map.entry("user-account-need-actions-provider-message", error("ACCOUNT_NEEDS_ACTION", "LOGIN_ERROR",
                    "The institution requires an action from the user.",
                    "Acesse o internet banking e aceite os novos termos de uso.")),
            Map.entry("user-connection-error", error("CONNECTION_ERROR", "OUTDATED",
                    "Connectivity error, please try again.", null)),
            Map.entry("user-account-credentials-reset", error("ACCOUNT_CREDENTIALS_RESET", "LOGIN_ERROR",
                    "The user must update their credentials at the institution.", null)),
            Map.entry("user-not-supported", error("USER_NOT_SUPPORTED", "LOGIN_ERROR",
                    "This kind of user is not supported by the connector.", null)),
            Map.entry("user-ok-account-error",
                    new LoginOutcome("PARTIAL_SUCCESS", "UPDATED", null, null, true, false, 1)),
            Map.entry("user-ok-account-warning",
                    new LoginOutcome("SUCCESS", "UPDATED", null, null, false, true, 1)));

    static LoginOutcome error(String executionStatus, String itemStatus, String message, String providerMessage) {
        return new LoginOutcome(executionStatus, itemStatus, message, providerMessage, false, false, 1);
    }

    boolean isSuccess() {
        return "SUCCESS".equals(executionStatus) || "PARTIAL_SUCCESS".equals(executionStatus);
    }

    /** user-ok-perf-{x}: x times as many transactions, capped at 5000 as at Pluggy. */
    static LoginOutcome forUser(String user) {
        if (user != null && user.startsWith("user-ok-perf-")) {
            try {
                int x = Math.min(5000, Math.max(1, Integer.parseInt(user.substring("user-ok-perf-".length()))));
                return new LoginOutcome("SUCCESS", "UPDATED", null, null, false, false, x);
            } catch (NumberFormatException e) {
                return INVALID_CREDENTIALS;
            }
        }
        return BY_USERNAME.getOrDefault(user, INVALID_CREDENTIALS);
    }
}
