package io.financehub.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;

class VerifiedTokensTest {

    private static JWTCallerPrincipal expiringAt(long seconds) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("a-user");
        if (seconds > 0) {
            claims.setExpirationTime(NumericDate.fromSeconds(seconds));
        }
        return new SuiteJwtPrincipal("JWT", claims);
    }

    @Test
    void answersTheVerifiedPrincipalForTheSameTextUntilItsExpiry() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        JWTCallerPrincipal principal = expiringAt(1_000);
        tokens.put("token-a", principal, 900);
        assertSame(principal, tokens.get("token-a", 900));
        assertSame(principal, tokens.get("token-a", 999));
        assertNull(tokens.get("token-a", 1_000));
        assertEquals(0, tokens.size());
        assertNull(tokens.get("token-a ", 900));
        assertNull(tokens.get("token-b", 900));
    }

    @Test
    void neverRemembersAnExpiredTokenOrOneWithoutExpiry() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.put("expired", expiringAt(500), 500);
        tokens.put("no-exp", expiringAt(0), 500);
        assertNull(tokens.get("expired", 400));
        assertNull(tokens.get("no-exp", 400));
        assertEquals(0, tokens.size());
    }

    @Test
    void staysWithinItsCapacity() {
        VerifiedTokens tokens = new VerifiedTokens(3);
        tokens.put("old", expiringAt(100), 50);
        tokens.put("b", expiringAt(1_000), 50);
        tokens.put("c", expiringAt(1_000), 50);
        tokens.put("d", expiringAt(1_000), 200);   // "old" has expired: it makes room
        assertEquals(3, tokens.size());
        assertNull(tokens.get("old", 50));
        tokens.put("e", expiringAt(1_000), 200);   // nothing expired: starts afresh
        assertEquals(1, tokens.size());
        assertSame(tokens.get("e", 200), tokens.get("e", 300));
    }
}
