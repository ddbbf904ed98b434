package io.financehub.gateway.security;

import java.security.interfaces.RSAPublicKey;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import io.financehub.support.security.SuiteJwtPrincipalFactory;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * SmallRye JWT verification with the gateway's own key ring: the token's kid picks the public key (an unknown or
 * missing kid is rejected), only RS256 is accepted (so {@code alg: none} and HS256 tricks fail), and issuer, audience
 * and expiry are checked by SmallRye from the same {@code mp.jwt.verify.*} settings every service uses. Replacing
 * the factory (rather than a PEM location) lets several keys be valid at once during a rotation, for the JAX-RS
 * endpoints and for the proxy alike. Verification and the principal are the suite's ({@link SuiteJwtPrincipalFactory},
 * SmallRye's own checks); this factory only chooses the key, so it takes precedence over the suite's (priority 2).
 */
@ApplicationScoped
@Alternative
@Priority(2)
public class KeyRingTokenVerifier extends JWTCallerPrincipalFactory {

    private final JwtKeyRing keys;
    /** The suite's bean, however service-support builds it (its own configuration included). */
    private final SuiteJwtPrincipalFactory suite;

    KeyRingTokenVerifier(JwtKeyRing keys, SuiteJwtPrincipalFactory suite) {
        this.keys = keys;
        this.suite = suite;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo defaults) throws ParseException {
        RSAPublicKey key = keys.verificationKey(keyIdOf(token))
                .orElseThrow(() -> new ParseException("The token's key id is not one of the gateway's keys"));
        JWTAuthContextInfo context = new JWTAuthContextInfo(defaults);
        context.setPublicKeyLocation(null);
        context.setPublicKeyContent(null);
        context.setPublicVerificationKey(key);
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        return suite.parse(token, context);
    }

    private static String keyIdOf(String token) throws ParseException {
        try {
            JsonWebStructure structure = JsonWebStructure.fromCompactSerialization(token);
            if (!(structure instanceof JsonWebSignature)) {
                throw new ParseException("Only signed tokens are accepted");
            }
            return structure.getKeyIdHeaderValue();
        } catch (JoseException e) {
            throw new ParseException("The token is not a compact JWS", e);
        }
    }
}
