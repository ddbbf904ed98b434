package io.financehub.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.financehub.gateway.testing.Api;
import io.financehub.gateway.testing.GatewayKeysTestResource;
import io.financehub.gateway.testing.StubDownstreams;
import io.financehub.gateway.testing.TestKeys;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/**
 * Every forged, stale or foreign token is refused, both by the gateway's own endpoints (JAX-RS) and by the proxy in
 * front of the services; a token signed by the previous key of a rotation is still accepted.
 */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(GatewayKeysTestResource.class)
@WithTestResource(StubDownstreams.class)
class TokenVerificationTest {

    private static final UUID COMPANY = UUID.randomUUID();

    @ParameterizedTest
    @ValueSource(strings = { "/api/auth/members", "/api/banking/items/" })
    void acceptsTokensOfTheCurrentAndThePreviousKey(String path) {
        given().auth().oauth2(TestTokens.admin(COMPANY)).get(path).then().statusCode(200);
        given().auth().oauth2(signed(TestKeys.PREVIOUS.getPrivate(), TestKeys.PREVIOUS_KID)).get(path)
                .then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/auth/members", "/api/banking/items/" })
    void rejectsForgedStaleAndForeignTokens(String path) throws GeneralSecurityException {
        String valid = Api.register().accessToken();
        String[] rejected = {
            TestTokens.expired(COMPANY),
            tampered(valid),
            algNone(valid),
            hs256WithThePublicKey(valid),
            TestTokens.withAudience(COMPANY, "another-app"),
            TestTokens.withIssuer(COMPANY, "https://evil.example"),
            signed(TestTokens.trustedPrivateKey(), "unknown-kid"),
            signed(TestTokens.trustedPrivateKey(), null),
            signed(TestKeys.PREVIOUS.getPrivate(), TestKeys.SIGNING_KID),
            TestTokens.signedByStranger(COMPANY),
            "not.a.jwt",
        };
        for (String token : rejected) {
            given().auth().oauth2(token).get(path)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("code", equalTo("unauthorized"));
        }
        given().auth().oauth2(valid).get(path).then().statusCode(200);
    }

    @Test
    void publishesBothPublicKeysAsJwks() {
        RSAPrivateCrtKey trusted = (RSAPrivateCrtKey) TestTokens.trustedPrivateKey();
        given().get("/.well-known/jwks.json")
                .then().statusCode(200)
                .contentType("application/jwk-set+json")
                .header("Cache-Control", containsString("max-age=300"))
                .body("keys.kid", contains(TestKeys.SIGNING_KID, TestKeys.PREVIOUS_KID))
                .body("keys.kty", everyItem(equalTo("RSA")))
                .body("keys.alg", everyItem(equalTo("RS256")))
                .body("keys.use", everyItem(equalTo("sig")))
                .body("keys[0].n", equalTo(base64Url(trusted.getModulus())))
                .body("keys[0].e", equalTo("AQAB"))
                .body("keys[0].d", equalTo(null))
                .body("keys[1].n", equalTo(base64Url(
                        ((java.security.interfaces.RSAPublicKey) TestKeys.PREVIOUS.getPublic()).getModulus())));
    }

    @Test
    void accessTokenOfTheGatewayCarriesTheKidOfTheJwks() {
        String token = Api.register().accessToken();
        assertEquals(TestKeys.SIGNING_KID, AuthFlowTest.part(token, 0).get("kid"));
    }

    private static String signed(PrivateKey key, String kid) {
        var jws = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject(UUID.randomUUID().toString())
                .claim("company_id", COMPANY.toString()).groups(Set.of("ADMIN"))
                .expiresIn(Duration.ofMinutes(5)).jws();
        return kid == null ? jws.sign(key) : jws.keyId(kid).sign(key);
    }

    /** Same header and signature, another company in the payload. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"company_id\":\"[^\"]+\"", "\"company_id\":\"" + COMPANY + "\"");
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    private static String algNone(String token) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"test\"}") + "." + token.split("\\.")[1] + ".";
    }

    /** The classic confusion attack: HMAC keyed with the (public) RSA key's PEM text. */
    private static String hs256WithThePublicKey(String token) throws GeneralSecurityException {
        RSAPrivateCrtKey trusted = (RSAPrivateCrtKey) TestTokens.trustedPrivateKey();
        byte[] publicDer = java.security.KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.RSAPublicKeySpec(trusted.getModulus(), trusted.getPublicExponent()))
                .getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicDer)
                + "\n-----END PUBLIC KEY-----\n";
        String signingInput = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"test\"}") + "." + token.split("\\.")[1];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(pem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
