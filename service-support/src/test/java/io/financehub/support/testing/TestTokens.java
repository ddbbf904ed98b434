package io.financehub.support.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints access tokens the way the gateway does, for tests: RS256, iss, aud, sub, company_id,
 * groups and jti. {@link JwtTestResource} makes the service trust {@link #TRUSTED}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://finance-hub.test";
    public static final String AUDIENCE = "finance-hub";

    static final KeyPair TRUSTED = generate();
    private static final KeyPair UNTRUSTED = generate();

    private TestTokens() {
    }

    /** A company admin's token. */
    public static String admin(UUID companyId) {
        return forCompany(companyId, "ADMIN");
    }

    /** A company member's token. */
    public static String member(UUID companyId) {
        return forCompany(companyId, "MEMBER");
    }

    public static String forCompany(UUID companyId, String... groups) {
        return claims(companyId, groups).jws().keyId("test").sign(TRUSTED.getPrivate());
    }

    /** Same claims, signed by a key the service does not trust. */
    public static String signedByStranger(UUID companyId) {
        return claims(companyId, "ADMIN").jws().keyId("test").sign(UNTRUSTED.getPrivate());
    }

    public static String withIssuer(UUID companyId, String issuer) {
        return claims(companyId, "ADMIN").issuer(issuer).jws().keyId("test").sign(TRUSTED.getPrivate());
    }

    public static String withAudience(UUID companyId, String audience) {
        return claims(companyId, "ADMIN").audience(audience).jws().keyId("test").sign(TRUSTED.getPrivate());
    }

    public static String expired(UUID companyId) {
        long past = System.currentTimeMillis() / 1000 - 3600;
        return claims(companyId, "ADMIN").issuedAt(past - 900).expiresAt(past).jws().keyId("test")
                .sign(TRUSTED.getPrivate());
    }

    public static PrivateKey trustedPrivateKey() {
        return TRUSTED.getPrivate();
    }

    private static JwtClaimsBuilder claims(UUID companyId, String... groups) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(UUID.randomUUID().toString())
                .claim("company_id", companyId.toString())
                .groups(Set.of(groups))
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(Duration.ofMinutes(15));
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
