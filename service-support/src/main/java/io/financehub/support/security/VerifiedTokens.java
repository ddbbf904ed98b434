package io.financehub.support.security;

import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;

/**
 * Tokens this service has verified, by their exact text, each until its own expiry: a client sends the same token
 * with every request until it expires, and verifying its RS256 signature and parsing its claims again was about a
 * quarter of a ledger request's CPU. Only a token that passed the full verification is remembered, and only what
 * verification returned, so an unknown, altered or re-signed token (different text) is verified as before. Bounded:
 * when full, expired entries go first, and if none has expired the memory starts afresh.
 */
final class VerifiedTokens {

    private final int capacity;
    private final ConcurrentHashMap<String, JWTCallerPrincipal> principals = new ConcurrentHashMap<>();

    VerifiedTokens(int capacity) {
        this.capacity = capacity;
    }

    /** The principal verified for this token text, or null if unknown or expired at {@code nowSeconds}. */
    JWTCallerPrincipal get(String token, long nowSeconds) {
        JWTCallerPrincipal known = principals.get(token);
        if (known == null) {
            return null;
        }
        if (known.getExpirationTime() <= nowSeconds) {
            principals.remove(token, known);
            return null;
        }
        return known;
    }

    /** Remembers a verified token; one without an expiry is never remembered. */
    void put(String token, JWTCallerPrincipal principal, long nowSeconds) {
        if (principal.getExpirationTime() <= nowSeconds) {
            return;
        }
        if (principals.size() >= capacity) {
            principals.values().removeIf(p -> p.getExpirationTime() <= nowSeconds);
            if (principals.size() >= capacity) {
                principals.clear();
            }
        }
        principals.put(token, principal);
    }

    int size() {
        return principals.size();
    }
}
