package io.financehub.pluggy;

/** A call to Pluggy that did not succeed: {@link PluggyApiException} or {@link PluggyUnavailableException}. */
public abstract sealed class PluggyException extends RuntimeException
        permits PluggyApiException, PluggyUnavailableException {

    PluggyException(String message, Throwable cause) {
        super(message, cause, false, true);
    }
}
