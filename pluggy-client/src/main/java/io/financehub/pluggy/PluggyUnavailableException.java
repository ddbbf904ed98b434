package io.financehub.pluggy;

/**
 * Pluggy could not be reached or did not answer in time, the circuit breaker is open, or the shared rate limit kept
 * the call queued longer than allowed. Whether a mutating call took effect is unknown unless {@link #notSent()} says
 * it certainly did not.
 */
public final class PluggyUnavailableException extends PluggyException {

    enum Kind {
        /** Connection refused or unresolvable host: the request never left. */
        CONNECT(true),
        /** Timeout or connection lost mid-request: it may have reached Pluggy. */
        TRANSPORT(false),
        BREAKER_OPEN(true),
        RATE_LIMIT_QUEUE(true);

        final boolean notSent;

        Kind(boolean notSent) {
            this.notSent = notSent;
        }
    }

    private final Kind kind;

    PluggyUnavailableException(String message, Throwable cause, Kind kind) {
        super(message, cause);
        this.kind = kind;
    }

    /** True when the request certainly never reached Pluggy. */
    public boolean notSent() {
        return kind.notSent;
    }

    Kind kind() {
        return kind;
    }
}
