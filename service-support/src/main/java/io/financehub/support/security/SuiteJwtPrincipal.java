package io.financehub.support.security;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

/**
 * SmallRye JWT's principal, except how a claim name is classified: the default asks {@code Claims.valueOf(name)} and
 * catches the IllegalArgumentException for any name outside the standard set, so every read of company_id built and
 * threw an exception with its stack trace (about a twentieth of a ledger request's CPU). Here the standard names are
 * looked up in a map; any other name is {@link Claims#UNKNOWN}, as before.
 */
final class SuiteJwtPrincipal extends DefaultJWTCallerPrincipal {

    private static final Map<String, Claims> STANDARD = standardClaims();

    SuiteJwtPrincipal(String tokenType, JwtClaims claims) {
        super(tokenType, claims);
    }

    @Override
    protected Claims getClaimType(String claimName) {
        return STANDARD.getOrDefault(claimName, Claims.UNKNOWN);
    }

    private static Map<String, Claims> standardClaims() {
        Map<String, Claims> byName = new HashMap<>();
        for (Claims claim : Claims.values()) {
            byName.put(claim.name(), claim);
        }
        return Map.copyOf(byName);
    }
}
