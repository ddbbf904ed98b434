package io.financehub.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

class SuiteJwtPrincipalTest {

    private static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://finance-hub.local");
        claims.setAudience("finance-hub");
        claims.setSubject("0f8b8f7e-3c1a-4d7e-9c61-3a2b1c0d9e8f");
        claims.setJwtId("a-jti");
        claims.setIssuedAt(NumericDate.fromSeconds(1_790_000_000L));
        claims.setExpirationTime(NumericDate.fromSeconds(1_790_000_900L));
        claims.setStringListClaim("groups", List.of("ADMIN"));
        claims.setStringClaim("company_id", "6d1f0c7a-2b4e-4f3a-8e9d-1c2b3a4d5e6f");
        claims.setClaim("plan", "pro");
        return claims;
    }

    @Test
    void readsEveryClaimAsSmallRyesOwnPrincipalDoes() {
        DefaultJWTCallerPrincipal expected = new DefaultJWTCallerPrincipal("JWT", claims());
        SuiteJwtPrincipal actual = new SuiteJwtPrincipal("JWT", claims());
        for (String name : List.of("iss", "aud", "sub", "jti", "iat", "exp", "groups", "company_id", "plan", "upn",
                "raw_token", "absent")) {
            assertEquals(String.valueOf((Object) expected.getClaim(name)), String.valueOf((Object) actual.getClaim(name)),
                    name);
        }
        assertEquals("6d1f0c7a-2b4e-4f3a-8e9d-1c2b3a4d5e6f", actual.getClaim("company_id"));
        assertEquals(Set.of("ADMIN"), actual.getGroups());
        assertEquals(1_790_000_900L, actual.getExpirationTime());
        assertEquals("0f8b8f7e-3c1a-4d7e-9c61-3a2b1c0d9e8f", actual.getSubject());
        assertNull(actual.getClaim("absent"));
    }

    @Test
    void classifiesStandardNamesAndTreatsOthersAsUnknown() {
        SuiteJwtPrincipal principal = new SuiteJwtPrincipal("JWT", claims());
        for (Claims claim : Claims.values()) {
            assertEquals(claim, principal.getClaimType(claim.name()));
        }
        assertEquals(Claims.UNKNOWN, principal.getClaimType("company_id"));
        assertEquals(Claims.UNKNOWN, principal.getClaimType("EXP"));
    }
}
