package io.financehub.support.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

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
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class SuiteJwtPrincipalFactory extends JWTCallerPrincipalFactory {

    private final DefaultJWTTokenParser parser = new DefaultJWTTokenParser();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JwtContext context = parser.parse(token, authContextInfo);
        String type = context.getJoseObjects().get(0).getHeader("typ");
        return new SuiteJwtPrincipal(type, context.getJwtClaims());
    }
}
