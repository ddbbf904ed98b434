package io.financehub.gateway.security;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.financehub.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The gateway's RSA keys, loaded once at startup from configuration: the signing key with its kid, and the public
 * keys of previous signing keys that tokens in flight may still carry. Nothing here is ever written to disk or logs.
 */
@Startup
@Singleton
public class JwtKeyRing {

    private final String signingKeyId;
    private final PrivateKey signingKey;
    /** kid → key, the signing key's public half first. */
    private final Map<String, RSAPublicKey> verificationKeys = new LinkedHashMap<>();

    JwtKeyRing(GatewayConfig config) {
        GatewayConfig.Jwt jwt = config.jwt();
        this.signingKeyId = jwt.keyId();
        this.signingKey = readPrivateKey(jwt.privateKeyLocation());
        verificationKeys.put(signingKeyId, publicHalf(signingKey));
        for (String entry : jwt.previousPublicKeys().orElse(List.of())) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalStateException("gateway.jwt.previous-public-keys entries are kid=location, got: " + entry);
            }
            String kid = entry.substring(0, eq).trim();
            verificationKeys.putIfAbsent(kid, readPublicKey(entry.substring(eq + 1).trim()));
        }
        Log.infof("JWT signing key %s loaded; %d verification key(s) published", signingKeyId, verificationKeys.size());
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    /** The key a token names in its kid header; empty for an unknown or missing kid. */
    public Optional<RSAPublicKey> verificationKey(String kid) {
        return kid == null ? Optional.empty() : Optional.ofNullable(verificationKeys.get(kid));
    }

    /** The JWK Set every service may fetch: RSA public keys only. */
    public List<Jwk> publicJwks() {
        return verificationKeys.entrySet().stream()
                .map(e -> new Jwk("RSA", "sig", "RS256", e.getKey(), base64Url(e.getValue().getModulus()),
                        base64Url(e.getValue().getPublicExponent())))
                .toList();
    }

    @RegisterForReflection
    public record Jwk(String kty, String use, String alg, String kid, String n, String e) {
    }

    /** JWK integers: unsigned big-endian, base64url without padding (RFC 7518 §6.3.1). */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static PrivateKey readPrivateKey(String location) {
        try {
            return KeyUtils.decodePrivateKey(read(location), SignatureAlgorithm.RS256);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the JWT signing key (JWT_PRIVATE_KEY_LOCATION) at " + location
                    + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static RSAPublicKey readPublicKey(String location) {
        try {
            PublicKey key = KeyUtils.decodePublicKey(read(location), SignatureAlgorithm.RS256);
            if (key instanceof RSAPublicKey rsa) {
                return rsa;
            }
            throw new IllegalStateException("Not an RSA public key: " + location);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the JWT verification key at " + location, e);
        }
    }

    /** A file path, or a file:, classpath: or http(s): location, as SmallRye JWT reads them. */
    private static String read(String location) throws IOException {
        String content = KeyUtils.readKeyContent(location);
        if (content == null) {
            throw new IOException("nothing found at " + location);
        }
        return content;
    }

    private static RSAPublicKey publicHalf(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("The JWT signing key must be an RSA private key in PKCS#8 PEM");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the public key of the signing key", e);
        }
    }
}
