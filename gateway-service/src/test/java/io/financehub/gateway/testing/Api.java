package io.financehub.gateway.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Calls to the gateway under test. Each caller gets its own client address (X-Forwarded-For, trusted from loopback)
 * so per-IP limits and locks of one test never touch another.
 */
public final class Api {

    public static final String PASSWORD = "Correct-Horse-42";

    private Api() {
    }

    public static String newIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    public static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.test";
    }

    public static RequestSpecification from(String ip) {
        return given().header("X-Forwarded-For", ip).contentType(ContentType.JSON);
    }

    public static Account register() {
        String email = newEmail();
        JsonPath body = from(newIp())
                .body(Map.of("company_name", "Acme " + email, "name", "Ana Admin", "email", email, "password", PASSWORD))
                .post("/api/auth/register")
                .then().statusCode(201).extract().jsonPath();
        return Account.of(body, email, PASSWORD);
    }

    public static Account login(String email, String password) {
        JsonPath body = from(newIp()).body(Map.of("email", email, "password", password))
                .post("/api/auth/login")
                .then().statusCode(200).extract().jsonPath();
        return Account.of(body, email, password);
    }

    public record Account(UUID companyId, UUID userId, String email, String password, String accessToken,
            String refreshToken) {

        static Account of(JsonPath body, String email, String password) {
            return new Account(UUID.fromString(body.getString("company.id")), UUID.fromString(body.getString("user.id")),
                    email, password, body.getString("access_token"), body.getString("refresh_token"));
        }
    }
}
