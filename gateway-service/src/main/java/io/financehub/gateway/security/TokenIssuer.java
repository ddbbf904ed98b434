package io.financehub.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.gateway.config.GatewayConfig;
import io.financehub.support.Caller;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/** Mints RS256 access tokens: iss, aud, sub (user id), company_id, groups (the role) and a unique jti. */
@ApplicationScoped
public class TokenIssuer {

    private static final Duration MAX_TTL = Duration.ofMinutes(15);

    private final JwtKeyRing keys;
    private final String issuer;
    private final String audience;
    private final Duration ttl;

    TokenIssuer(JwtKeyRing keys, GatewayConfig config) {
        this.keys = keys;
        this.issuer = config.jwt().issuer();
        this.audience = config.jwt().audience();
        this.ttl = config.jwt().accessTokenTtl();
        if (ttl.compareTo(MAX_TTL) > 0 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalStateException("gateway.jwt.access-token-ttl must be positive and at most 15 minutes");
        }
    }

    public AccessToken issue(UUID userId, UUID companyId, String role) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(ttl);
        String token = Jwt.issuer(issuer)
                .audience(audience)
                .subject(userId.toString())
                .claim(Caller.COMPANY_CLAIM, companyId.toString())
                .groups(Set.of(role))
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(keys.signingKeyId())
                .sign(keys.signingKey());
        return new AccessToken(token, ttl.toSeconds());
    }

    public record AccessToken(String value, long expiresInSeconds) {
    }
}
