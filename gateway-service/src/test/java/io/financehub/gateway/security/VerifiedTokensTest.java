package io.financehub.gateway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.financehub.gateway.security.VerifiedTokens.VerifiedToken;
import io.financehub.gateway.testing.GatewayKeysTestResource;
import io.financehub.gateway.testing.StubDownstreams;
import io.financehub.gateway.testing.TestKeys;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.build.Jwt;

/**
 * The proxy's memory of verified tokens answers as SmallRye would: only tokens it accepted are remembered, each until
 * its exp at the latest, and never more than the configured number.
 */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(GatewayKeysTestResource.class)
@WithTestResource(StubDownstreams.class)
class VerifiedTokensTest {

    @Inject
    JWTParser parser;

    @Inject
    JWTAuthContextInfo smallRye;

    @Test
    void remembersAVerifiedTokenWithItsCompany() {
        VerifiedTokens tokens = new VerifiedTokens(parser, smallRye, 100);
        UUID company = UUID.randomUUID();
        String token = TestTokens.member(company);

        VerifiedToken first = tokens.verify(token).orElseThrow();
        assertEquals(company.toString(), first.companyId());
        assertSame(first, tokens.verify(token).orElseThrow(), "the second check is answered from memory");
        assertEquals(1, tokens.size());
    }

    @Test
    void forgetsATokenAtItsExpiryAndLeavesTheDecisionToSmallRye() throws InterruptedException {
        VerifiedTokens tokens = new VerifiedTokens(parser, smallRye, 100);
        long exp = System.currentTimeMillis() / 1000 + 2;
        String token = signed(TestTokens.trustedPrivateKey(), TestKeys.SIGNING_KID, UUID.randomUUID(), exp);
        VerifiedToken first = tokens.verify(token).orElseThrow();
        assertEquals(exp * 1000, first.reuseUntilMillis());
        assertSame(first, tokens.verify(token).orElseThrow(), "answered from memory before its exp");

        Thread.sleep(exp * 1000 - System.currentTimeMillis() + 200);
        assertEquals(0, tokens.size(), "nothing remembered past the token's exp");
        // Inside SmallRye's clock skew the token is still accepted, but by SmallRye itself, every time.
        VerifiedToken again = tokens.verify(token).orElseThrow();
        assertNotSame(first, again);
        assertNotSame(again, tokens.verify(token).orElseThrow());
        assertEquals(0, tokens.size());
    }

    @Test
    void refusesATokenOnceSmallRyeWould() throws InterruptedException {
        VerifiedTokens tokens = new VerifiedTokens(parser, smallRye, 100);
        // Expired a moment ago but inside SmallRye's clock skew: accepted now (not remembered), refused two seconds on.
        long exp = System.currentTimeMillis() / 1000 - smallRye.getClockSkew() + 2;
        String token = signed(TestTokens.trustedPrivateKey(), TestKeys.SIGNING_KID, UUID.randomUUID(), exp);
        assertTrue(tokens.verify(token).isPresent());
        assertEquals(0, tokens.size());
        given().auth().oauth2(token).get("/api/banking/items/").then().statusCode(200);

        Thread.sleep(3000);
        assertEquals(Optional.empty(), tokens.verify(token));
        given().auth().oauth2(token).get("/api/banking/items/").then().statusCode(401);
    }

    @Test
    void refusesAlreadyExpiredTamperedAndForeignTokensNextToARememberedOne() {
        VerifiedTokens tokens = new VerifiedTokens(parser, smallRye, 100);
        UUID company = UUID.randomUUID();
        String genuine = TestTokens.member(company);
        assertTrue(tokens.verify(genuine).isPresent());

        String otherCompany = tampered(genuine, UUID.randomUUID());
        String[] refused = {
            otherCompany,
            otherSignatureByte(genuine),
            TestTokens.signedByStranger(company),
            signed(TestKeys.PREVIOUS.getPrivate(), TestKeys.SIGNING_KID, company, System.currentTimeMillis() / 1000 + 600),
            TestTokens.expired(company),
        };
        for (String token : refused) {
            assertEquals(Optional.empty(), tokens.verify(token), token);
            given().auth().oauth2(token).get("/api/banking/items/").then().statusCode(401);
        }
        assertEquals(1, tokens.size(), "refused tokens are not remembered");
        assertEquals(company.toString(), tokens.verify(genuine).orElseThrow().companyId());
    }

    @Test
    void remembersAtMostItsSize() {
        VerifiedTokens tokens = new VerifiedTokens(parser, smallRye, 3);
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            issued.add(TestTokens.member(UUID.randomUUID()));
        }
        for (String token : issued) {
            assertTrue(tokens.verify(token).isPresent());
        }
        assertTrue(tokens.size() <= 3, tokens.size() + " tokens remembered");
        // Forgotten ones are simply verified again.
        for (String token : issued) {
            assertTrue(tokens.verify(token).isPresent());
        }
        assertTrue(tokens.size() <= 3, tokens.size() + " tokens remembered");
    }

    private static String signed(PrivateKey key, String kid, UUID company, long exp) {
        return Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject(UUID.randomUUID().toString())
                .claim("company_id", company.toString()).groups(Set.of("MEMBER")).claim("jti", UUID.randomUUID().toString())
                .issuedAt(exp - 600).expiresAt(exp)
                .jws().keyId(kid).sign(key);
    }

    /** One character of the signature changed, away from its last, partly unused, character. */
    private static String otherSignatureByte(String token) {
        int at = token.length() - 10;
        char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + replacement + token.substring(at + 1);
    }

    /** The same header and signature over a payload naming another company. */
    private static String tampered(String token, UUID company) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"company_id\":\"[^\"]+\"", "\"company_id\":\"" + company + "\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }
}
