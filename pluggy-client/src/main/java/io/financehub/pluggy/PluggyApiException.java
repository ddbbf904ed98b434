package io.financehub.pluggy;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Pluggy answered with an error.
 *
 * <p>{@code code} and {@code codeDescription} are Pluggy's own: {@code code} is usually the HTTP status repeated,
 * {@code codeDescription} the stable name to branch on (e.g. {@code ITEM_NOT_FOUND}, {@code INVALID_PARAMETERS}).
 * A 404 and the other 4xx never count against the circuit breaker: the answer is about the request, not the host.
 */
public final class PluggyApiException extends PluggyException {

    private final int status;
    private final Integer code;
    private final String codeDescription;
    private final String pluggyMessage;
    private final Duration retryAfter;
    private final boolean unreadable;

    private PluggyApiException(int status, Integer code, String codeDescription, String pluggyMessage,
            Duration retryAfter, boolean unreadable) {
        super("Pluggy answered " + status + (codeDescription == null ? "" : " " + codeDescription)
                + (pluggyMessage == null ? "" : ": " + pluggyMessage), null);
        this.status = status;
        this.code = code;
        this.codeDescription = codeDescription;
        this.pluggyMessage = pluggyMessage;
        this.retryAfter = retryAfter;
        this.unreadable = unreadable;
    }

    static PluggyApiException of(int status, Integer code, String codeDescription, String message,
            String retryAfterHeader) {
        return new PluggyApiException(status, code, codeDescription, message, parseRetryAfter(retryAfterHeader), false);
    }

    /** A 2xx answer whose body could not be read as Pluggy's documented shape. */
    static PluggyApiException unreadable(String detail) {
        return new PluggyApiException(502, null, "UNREADABLE_RESPONSE", detail, null, true);
    }

    public int status() {
        return status;
    }

    /** Pluggy's {@code code} field, or null when the body had none. */
    public Integer code() {
        return code;
    }

    /** Pluggy's {@code codeDescription}, or null when the body had none. */
    public String codeDescription() {
        return codeDescription;
    }

    /** Pluggy's human-readable {@code message}, or null. */
    public String pluggyMessage() {
        return pluggyMessage;
    }

    /** The Retry-After of a 429 or 503, when Pluggy sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isRateLimited() {
        return status == 429;
    }

    public boolean isServerError() {
        return status >= 500;
    }

    /** Our side could not read a successful answer: repeating the call would not help. */
    boolean isUnreadable() {
        return unreadable;
    }

    public boolean isAuthenticationFailure() {
        return status == 401 || status == 403;
    }

    /** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
    static Duration parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
