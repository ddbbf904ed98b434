package io.financehub.webhook.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.restassured.response.ValidatableResponse;

/** Builds and signs deliveries the way Pluggy does, against the secrets of the test profile. */
public final class Webhooks {

    public static final String PATH = "/api/banking/webhooks/pluggy/";
    public static final String SECRET = "test-webhook-secret";
    public static final String PREVIOUS_SECRET = "test-webhook-secret-previous";
    public static final String TOKEN_HEADER = "X-Webhook-Token";
    public static final String TOKEN = "test-webhook-token";

    private Webhooks() {
    }

    public static String newEventId() {
        return "evt-" + UUID.randomUUID();
    }

    public static String newItemId() {
        return UUID.randomUUID().toString();
    }

    /** A Pluggy item event; {@code clientUserId} null leaves the field out. */
    public static String itemEvent(String eventId, String event, String itemId, String clientUserId) {
        return "{\"event\":\"" + event + "\",\"eventId\":\"" + eventId + "\",\"itemId\":\"" + itemId + "\","
                + "\"triggeredBy\":\"SYNC\""
                + (clientUserId == null ? "" : ",\"clientUserId\":\"" + clientUserId + "\"") + "}";
    }

    public static String hmac(String body, String secret) {
        return hmac(body.getBytes(StandardCharsets.UTF_8), secret);
    }

    public static String hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts {@code body} signed with the current secret. */
    public static ValidatableResponse send(String body) {
        return sendSigned(body, hmac(body, SECRET));
    }

    public static ValidatableResponse sendSigned(String body, String signature) {
        return given().contentType("application/json").header("X-Pluggy-Signature", signature)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(PATH).then();
    }

    public static ValidatableResponse sendUnsigned(String body) {
        return given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(PATH).then();
    }

    public static ValidatableResponse sendWithToken(String body, String token) {
        return given().contentType("application/json").header(TOKEN_HEADER, token)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(PATH).then();
    }
}
