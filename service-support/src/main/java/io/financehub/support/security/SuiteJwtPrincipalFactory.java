package io.financehub.support.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.consumer.JwtContext;

import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * SmallRye JWT's own verification (signature, issuer, audience, expiry: {@link DefaultJWTTokenParser}, exactly what
 * the default factory runs), producing a {@link SuiteJwtPrincipal}, which reads the suite's own claims such as
 * company_id without an exception per read.
 *
 * <p>A service may also remember the tokens it verified until they expire ({@link VerifiedTokens}), by setting
 * {@code financehub.security.verified-tokens} to the number of tokens to hold; 0, the default, verifies every
 * request's token.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class SuiteJwtPrincipalFactory extends JWTCallerPrincipalFactory {

    private final DefaultJWTTokenParser parser = new DefaultJWTTokenParser();
    private final VerifiedTokens verified;

    SuiteJwtPrincipalFactory(
            @ConfigProperty(name = "financehub.security.verified-tokens", defaultValue = "0") int verifiedTokens) {
        this.verified = verifiedTokens > 0 ? new VerifiedTokens(verifiedTokens) : null;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        long now = System.currentTimeMillis() / 1000;
        if (verified != null) {
            JWTCallerPrincipal known = verified.get(token, now);
            if (known != null) {
                return known;
            }
        }
        JwtContext context = parser.parse(token, authContextInfo);
        String type = context.getJoseObjects().get(0).getHeader("typ");
        JWTCallerPrincipal principal = new SuiteJwtPrincipal(type, context.getJwtClaims());
        if (verified != null) {
            verified.put(token, principal, now);
        }
        return principal;
    }
}
