package io.financehub.sandbox;

import static io.financehub.sandbox.Sandbox.apiKey;
import static io.financehub.sandbox.Sandbox.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AuthAndConnectTokenTest {

    @BeforeEach
    void reset() {
        Sandbox.reset();
    }

    @Test
    void issuesATwoHourJwtForTheConfiguredCredentials() throws Exception {
        String key = apiKey();
        String payload = new String(Base64.getUrlDecoder().decode(key.split("\\.")[1]), StandardCharsets.UTF_8);
        Map<?, ?> claims = new com.fasterxml.jackson.databind.ObjectMapper().readValue(payload, Map.class);
        long ttl = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
        assertEquals(7200, ttl);
    }

    @Test
    void rejectsBadClientCredentialsWithPluggysBody() {
        given().contentType(ContentType.JSON).body(Map.of("clientId", "x", "clientSecret", "y")).post("/auth").then()
                .statusCode(401).body("code", equalTo(401)).body("codeDescription", equalTo("CLIENT_KEYS_UNAUTHORIZED"))
                .body("message", notNullValue());
    }

    @Test
    void refusesMissingForgedAndExpiredKeys() {
        given().get("/connectors").then().statusCode(403).body("code", equalTo(403));
        String key = apiKey();
        String forged = key.substring(0, key.length() - 4) + "abcd";
        as(forged).get("/connectors").then().statusCode(403);
        String expired = given().post("/sandbox/api-keys?ttlSeconds=-10").then().extract().path("apiKey");
        as(expired).get("/connectors").then().statusCode(401).body("codeDescription", equalTo("API_KEY_EXPIRED"));
        as(key).get("/connectors").then().statusCode(200);
    }

    @Test
    void connectTokenDoesWhatTheWidgetDoesAndNothingMore() {
        String key = apiKey();
        String token = as(key).body(Map.of("options", Map.of("clientUserId", "company-42",
                "webhookUrl", "http://127.0.0.1:9/hook"))).post("/connect_token").then().statusCode(200)
                .extract().path("accessToken");

        as(token).get("/connectors?sandbox=true").then().statusCode(200).body("results.id", hasItem(0));
        String itemId = Sandbox.createItem(token, 0, Map.of("user", "user-ok", "password", "password-ok"));
        as(token).get("/items/" + itemId).then().statusCode(200).body("clientUserId", equalTo("company-42"))
                .body("webhookUrl", equalTo("http://127.0.0.1:9/hook"));
        Sandbox.awaitStatus(key, itemId, "UPDATED");

        as(token).get("/accounts?itemId=" + itemId).then().statusCode(403);
        as(token).get("/categories").then().statusCode(403);
        as(token).get("/webhooks").then().statusCode(403);
        as(token).post("/connect_token").then().statusCode(403);
        as(token).delete("/items/" + itemId).then().statusCode(403);

        String otherItem = Sandbox.createItem(key, 0, Map.of("user", "user-ok", "password", "password-ok"));
        as(token).get("/items/" + otherItem).then().statusCode(403);
        as(token).patch("/items/" + otherItem).then().statusCode(403);
    }

    @Test
    void connectTokenForAnItemMayUpdateThatItem() {
        String key = apiKey();
        String itemId = Sandbox.createItem(key, 0, Map.of("user", "user-locked", "password", "password-ok"));
        Sandbox.awaitStatus(key, itemId, "LOGIN_ERROR");
        String token = as(key).body(Map.of("itemId", itemId)).post("/connect_token").then().statusCode(200)
                .extract().path("accessToken");
        as(token).body(Map.of("parameters", Map.of("user", "user-ok"))).patch("/items/" + itemId).then()
                .statusCode(200).body("status", equalTo("UPDATING"));
        Sandbox.awaitStatus(key, itemId, "UPDATED");
    }

    @Test
    void unknownQueryParametersAreIgnored() {
        as(apiKey()).get("/categories?foo=bar&page=7").then().statusCode(200)
                .body("results.id", hasItem("05070000")).body("results.id", not(hasItem("99999999")));
    }
}
