package io.financehub.gateway.security;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.financehub.gateway.config.GatewayConfig;
import io.financehub.support.Caller;
import io.quarkus.logging.Log;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The proxy's bearer-token check: SmallRye JWT verifies a token the first time it is seen (signature with the key
 * ring, RS256 only, issuer, audience, expiry), and the outcome is remembered by the exact text that carried the token
 * (the Authorization header's value) until the token's {@code exp} (or its iat plus the configured token age, if sooner). A client repeats the same access token
 * for its whole life, so all but its first request skip the RSA verification and the claims parsing. Past its exp a
 * token is never answered from memory: SmallRye decides again on every request (it still accepts it within its clock
 * skew, as it did before the cache).
 * <p>
 * Only tokens SmallRye accepted are remembered; anything else (a tampered payload, a signature of another key, an
 * expired token, a different string of any kind) misses and is verified from scratch. Access tokens cannot be revoked
 * before they expire (which is why they live at most 15 minutes), so remembering one adds no window that verifying
 * it again would close; the key ring only changes with a restart, which starts with an empty cache. The cache holds
 * at most {@code gateway.jwt.verified-token-cache-size} tokens (least recently and frequently used leave first).
 */
@ApplicationScoped
public class VerifiedTokens {

    private static final String BEARER = "Bearer ";

    private final JWTParser parser;
    private final Long tokenAgeSeconds;
    private final Cache<String, VerifiedToken> verified;

    @Inject
    VerifiedTokens(JWTParser parser, JWTAuthContextInfo smallRye, GatewayConfig config) {
        this(parser, smallRye, config.jwt().verifiedTokenCacheSize());
    }

    VerifiedTokens(JWTParser parser, JWTAuthContextInfo smallRye, int maxSize) {
        this.parser = parser;
        this.tokenAgeSeconds = smallRye.getTokenAge();
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(new AtExpiry())
                // Maintenance (evictions, expiries) runs on the calling thread, a few entries at a time: no pool thread
                // to wake on a hot path that runs on the event loop.
                .executor(Runnable::run)
                .build();
    }

    /** The token's claims the gateway acts on, if it is valid now; empty for anything SmallRye refuses. */
    public Optional<VerifiedToken> verify(String token) {
        return verifyBearer(BEARER + token);
    }

    /**
     * The claims of the bearer token in an Authorization header's value ({@code Bearer <token>}, the scheme in any
     * case), if it is valid now; empty for another scheme or a token SmallRye refuses. Remembered by the header's exact
     * text, which spells the token exactly: a client's repeated header is answered without copying the token out of it
     * (about a kilobyte per request).
     */
    public Optional<VerifiedToken> verifyBearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        VerifiedToken known = verified.getIfPresent(authorization);
        if (known != null && now < known.reuseUntilMillis()) {
            return Optional.of(known);
        }
        String token = authorization.substring(BEARER.length()).trim();
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            Log.debugf("Rejected a bearer token: %s", e.getMessage());
            return Optional.empty();
        }
        VerifiedToken accepted = new VerifiedToken(jwt.getClaim(Caller.COMPANY_CLAIM), rememberUntil(jwt));
        if (now < accepted.reuseUntilMillis()) {
            verified.put(authorization, accepted);
        }
        return Optional.of(accepted);
    }

    /** How many tokens are remembered (after pending evictions). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** The token's exp, or iat plus the token age if that comes first; a token without exp is not remembered. */
    private long rememberUntil(JsonWebToken jwt) {
        long until = TimeUnit.SECONDS.toMillis(jwt.getExpirationTime());
        if (tokenAgeSeconds != null) {
            until = Math.min(until, TimeUnit.SECONDS.toMillis(jwt.getIssuedAtTime() + tokenAgeSeconds));
        }
        return until;
    }

    /**
     * @param companyId the token's company_id claim (null if it has none)
     * @param reuseUntilMillis until when the verification may be reused (epoch millis): at most the token's exp
     */
    public record VerifiedToken(String companyId, long reuseUntilMillis) {
    }

    /** An entry leaves at its token's exp; reads and rewrites do not extend it. */
    private static final class AtExpiry implements Expiry<String, VerifiedToken> {

        @Override
        public long expireAfterCreate(String token, VerifiedToken value, long currentTime) {
            long left = value.reuseUntilMillis() - System.currentTimeMillis();
            return Duration.ofMillis(Math.max(0, left)).toNanos();
        }

        @Override
        public long expireAfterUpdate(String token, VerifiedToken value, long currentTime, long currentDuration) {
            return expireAfterCreate(token, value, currentTime);
        }

        @Override
        public long expireAfterRead(String token, VerifiedToken value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
