package io.financehub.gateway.service;

import io.financehub.support.ProblemException;

/** A 429 that tells the client when to come back (the Retry-After header, in seconds). */
public class TooManyRequests extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyRequests(String code, String detail, long retryAfterSeconds) {
        super(429, code, "Too Many Requests", detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
