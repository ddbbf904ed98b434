package io.financehub.gateway;

import static io.financehub.gateway.testing.Api.PASSWORD;
import static io.financehub.gateway.testing.Api.from;
import static io.financehub.gateway.testing.Api.newEmail;
import static io.financehub.gateway.testing.Api.newIp;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.financehub.gateway.testing.Api;
import io.financehub.gateway.testing.Api.Account;
import io.financehub.gateway.testing.GatewayKeysTestResource;
import io.financehub.gateway.testing.StubDownstreams;
import io.financehub.gateway.testing.TestKeys;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(GatewayKeysTestResource.class)
@WithTestResource(StubDownstreams.class)
class AuthFlowTest {

    @Test
    void registerCreatesCompanyAndAdminAndSignsIn() {
        String email = newEmail();
        JsonPath body = from(newIp())
                .body(Map.of("company_name", " Padaria Pão Quente ", "name", "Maria Silva", "email", email.toUpperCase(),
                        "password", PASSWORD))
                .post("/api/auth/register")
                .then().statusCode(201)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .body("user.email", equalTo(email))
                .body("user.name", equalTo("Maria Silva"))
                .body("user.role", equalTo("ADMIN"))
                .body("company.name", equalTo("Padaria Pão Quente"))
                .body("company.plan", equalTo("FREE"))
                .body("company.monthly_transaction_limit", equalTo(500))
                .extract().jsonPath();

        String token = body.getString("access_token");
        Map<String, Object> header = part(token, 0);
        Map<String, Object> claims = part(token, 1);
        assertEquals("RS256", header.get("alg"));
        assertEquals(TestKeys.SIGNING_KID, header.get("kid"));
        assertEquals(TestTokens.ISSUER, claims.get("iss"));
        assertEquals(TestTokens.AUDIENCE, claims.get("aud"));
        assertEquals(body.getString("user.id"), claims.get("sub"));
        assertEquals(body.getString("company.id"), claims.get("company_id"));
        assertEquals(List.of("ADMIN"), claims.get("groups"));
        UUID.fromString((String) claims.get("jti"));
        long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
        assertEquals(900, lifetime);
        assertTrue(body.getString("refresh_token").length() >= 43);
    }

    @Test
    void loginAnswersTheSameShapeAndMeShowsTheAccount() {
        Account account = Api.register();
        Account again = Api.login(account.email(), PASSWORD);
        assertEquals(account.userId(), again.userId());
        assertEquals(account.companyId(), again.companyId());
        assertNotEquals(account.refreshToken(), again.refreshToken());

        given().auth().oauth2(again.accessToken()).get("/api/auth/me")
                .then().statusCode(200)
                .body("user.id", equalTo(account.userId().toString()))
                .body("user.email", equalTo(account.email()))
                .body("company.id", equalTo(account.companyId().toString()))
                .body("groups", contains("ADMIN"));
    }

    @Test
    void rejectsWrongPasswordAndUnknownEmailAlike() {
        Account account = Api.register();
        from(newIp()).body(Map.of("email", account.email(), "password", "Wrong-Horse-42"))
                .post("/api/auth/login")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("invalid_credentials"));
        from(newIp()).body(Map.of("email", newEmail(), "password", PASSWORD))
                .post("/api/auth/login")
                .then().statusCode(401).body("code", equalTo("invalid_credentials"));
    }

    @Test
    void rejectsWeakPasswordsWithoutCreatingAnything() {
        String email = newEmail();
        for (String weak : List.of("Short-1a", "lowercaseonly", "password123", "aaaaaaaaaaaaaaaaaaaa",
                email.split("@")[0] + "X1!", "Ab1-" + "x".repeat(80))) {
            from(newIp()).body(Map.of("company_name", "Weak Co", "name", "W", "email", email, "password", weak))
                    .post("/api/auth/register")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("weak_password"));
        }
        from(newIp()).body(Map.of("email", email, "password", "lowercaseonly"))
                .post("/api/auth/login").then().statusCode(401);
    }

    @Test
    void rejectsInvalidRegistrationAndDuplicateEmail() {
        from(newIp()).body(Map.of("company_name", "", "name", "N", "email", "not-an-email", "password", PASSWORD))
                .post("/api/auth/register")
                .then().statusCode(400).body("code", equalTo("validation_failed"));
        Account account = Api.register();
        from(newIp()).body(Map.of("company_name", "Other", "name", "N", "email", account.email(), "password", PASSWORD))
                .post("/api/auth/register")
                .then().statusCode(409).body("code", equalTo("email_taken"));
    }

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheWholeFamily() {
        Account account = Api.register();
        JsonPath first = from(newIp()).body(Map.of("refresh_token", account.refreshToken()))
                .post("/api/auth/refresh")
                .then().statusCode(200)
                .body("user.id", equalTo(account.userId().toString()))
                .extract().jsonPath();
        String second = first.getString("refresh_token");
        assertNotEquals(account.refreshToken(), second);
        assertNotEquals(account.accessToken(), first.getString("access_token"));
        given().auth().oauth2(first.getString("access_token")).get("/api/auth/me").then().statusCode(200);

        // The first token again: somebody else holds it. The family dies, including the legitimate newer token.
        from(newIp()).body(Map.of("refresh_token", account.refreshToken()))
                .post("/api/auth/refresh")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("refresh_token_reused"));
        from(newIp()).body(Map.of("refresh_token", second))
                .post("/api/auth/refresh")
                .then().statusCode(401).body("code", equalTo("refresh_token_reused"));

        // Another sign-in of the same user is another family and keeps working.
        Account other = Api.login(account.email(), PASSWORD);
        from(newIp()).body(Map.of("refresh_token", other.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(200);
    }

    @Test
    void rejectsUnknownRefreshToken() {
        from(newIp()).body(Map.of("refresh_token", "not-a-token-we-issued"))
                .post("/api/auth/refresh")
                .then().statusCode(401).body("code", equalTo("invalid_refresh_token"));
    }

    @Test
    void logoutRevokesTheRefreshTokenAndIsIdempotent() {
        Account account = Api.register();
        from(newIp()).body(Map.of("refresh_token", account.refreshToken()))
                .post("/api/auth/logout").then().statusCode(204);
        from(newIp()).body(Map.of("refresh_token", account.refreshToken()))
                .post("/api/auth/logout").then().statusCode(204);
        from(newIp()).body(Map.of("refresh_token", account.refreshToken()))
                .post("/api/auth/refresh")
                .then().statusCode(401).body("code", equalTo("refresh_token_reused"));
    }

    @Test
    void adminAddsListsAndRemovesMembers() {
        Account admin = Api.register();
        String memberEmail = newEmail();
        String memberId = given().auth().oauth2(admin.accessToken()).contentType("application/json")
                .body(Map.of("name", "Mário Membro", "email", memberEmail, "password", "Member-Pass-77", "role", "member"))
                .post("/api/auth/members")
                .then().statusCode(201)
                .body("email", equalTo(memberEmail))
                .body("role", equalTo("MEMBER"))
                .extract().path("id");

        given().auth().oauth2(admin.accessToken()).get("/api/auth/members")
                .then().statusCode(200)
                .body("email", containsInAnyOrder(admin.email(), memberEmail))
                .body("find { it.id == '" + memberId + "' }.role", equalTo("MEMBER"));

        Account member = Api.login(memberEmail, "Member-Pass-77");
        assertEquals(admin.companyId(), member.companyId());
        assertEquals(List.of("MEMBER"), part(member.accessToken(), 1).get("groups"));
        given().auth().oauth2(member.accessToken()).contentType("application/json")
                .body(Map.of("name", "X", "email", newEmail(), "password", "Member-Pass-77", "role", "ADMIN"))
                .post("/api/auth/members")
                .then().statusCode(403);
        given().auth().oauth2(member.accessToken()).delete("/api/auth/members/" + admin.userId())
                .then().statusCode(403);

        given().auth().oauth2(admin.accessToken()).delete("/api/auth/members/" + memberId).then().statusCode(204);
        given().auth().oauth2(admin.accessToken()).get("/api/auth/members")
                .then().statusCode(200).body("email", contains(admin.email()));
        // Their sessions end with them: the refresh token is gone, the (short) access token finds no account.
        from(newIp()).body(Map.of("refresh_token", member.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(401).body("code", equalTo("invalid_refresh_token"));
        given().auth().oauth2(member.accessToken()).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void membersOfAnotherCompanyAreNotFoundAndTheLastAdminStays() {
        Account first = Api.register();
        Account second = Api.register();
        given().auth().oauth2(first.accessToken()).delete("/api/auth/members/" + second.userId())
                .then().statusCode(404).body("code", equalTo("not_found"));
        given().auth().oauth2(first.accessToken()).contentType("application/json")
                .body(Map.of("role", "MEMBER"))
                .patch("/api/auth/members/" + second.userId())
                .then().statusCode(404);
        given().auth().oauth2(first.accessToken()).delete("/api/auth/members/" + first.userId())
                .then().statusCode(409).body("code", equalTo("last_admin"));
        Api.login(second.email(), PASSWORD);
    }

    @Test
    void listsPlansWithTheirLimits() {
        Account account = Api.register();
        given().auth().oauth2(account.accessToken()).get("/api/auth/plans")
                .then().statusCode(200)
                .body("plan", contains("FREE", "PRO", "ENTERPRISE"))
                .body("monthly_transaction_limit", contains(500, 10000, null));
        given().auth().oauth2(account.accessToken()).get("/api/auth/company")
                .then().statusCode(200)
                .body("id", equalTo(account.companyId().toString()))
                .body("plan", equalTo("FREE"));
    }

    @Test
    void onlyAnAdminChangesThePlanAndOnlyToAKnownOne() {
        Account admin = Api.register();
        given().auth().oauth2(admin.accessToken()).contentType("application/json")
                .body(Map.of("plan", "platinum"))
                .put("/api/auth/company/plan")
                .then().statusCode(400).body("code", equalTo("invalid_plan"));
        given().auth().oauth2(TestTokens.member(admin.companyId())).contentType("application/json")
                .body(Map.of("plan", "pro"))
                .put("/api/auth/company/plan")
                .then().statusCode(403);
        given().auth().oauth2(admin.accessToken()).contentType("application/json")
                .body(Map.of("plan", "enterprise"))
                .put("/api/auth/company/plan")
                .then().statusCode(200)
                .body("plan", equalTo("ENTERPRISE"))
                .body("monthly_transaction_limit", nullValue());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> part(String jwt, int index) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
        return new JsonPath(json).getMap("");
    }
}
