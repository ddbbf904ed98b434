package io.financehub.webhook.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.financehub.webhook.config.PluggyWebhookConfig;
import io.financehub.webhook.support.Webhooks;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.MemorySize;

/** The authenticator alone, with configurations the service's own test profile does not have. */
class WebhookAuthenticatorTest {

    private static final byte[] BODY = "{\"event\":\"item/created\",\"eventId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

    private static WebhookAuthenticator with(List<String> secrets, String headerName, List<String> tokens) {
        return new WebhookAuthenticator(new PluggyWebhookConfig() {
            @Override
            public Optional<List<String>> secret() {
                return Optional.ofNullable(secrets);
            }

            @Override
            public Optional<String> headerName() {
                return Optional.ofNullable(headerName);
            }

            @Override
            public Optional<List<String>> headerSecret() {
                return Optional.ofNullable(tokens);
            }

            @Override
            public MemorySize maxBodySize() {
                return new MemorySize(java.math.BigInteger.valueOf(256 * 1024));
            }
        });
    }

    private static java.util.function.UnaryOperator<String> headers(Map<String, String> headers) {
        return name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    @Test
    void refusesToStartInProductionWithoutAnySecret() {
        WebhookAuthenticator none = with(null, null, null);

        assertThrows(IllegalStateException.class, () -> none.checkProtection(LaunchMode.NORMAL));
        assertDoesNotThrow(() -> none.checkProtection(LaunchMode.DEVELOPMENT));
        assertFalse(none.isAuthentic(BODY, headers(Map.of("X-Pluggy-Signature", Webhooks.hmac(BODY, "x")))),
                "fails closed");
    }

    @Test
    void blankSecretsCountAsNone() {
        WebhookAuthenticator blank = with(List.of(" "), "X-Token", List.of(""));

        assertFalse(blank.isConfigured());
        assertThrows(IllegalStateException.class, () -> blank.checkProtection(LaunchMode.NORMAL));
    }

    @Test
    void headerNameWithoutValueAuthenticatesNothing() {
        WebhookAuthenticator nameOnly = with(null, "X-Token", null);

        assertFalse(nameOnly.isConfigured());
        assertFalse(nameOnly.isAuthentic(BODY, headers(Map.of("X-Token", ""))));
    }

    @Test
    void sharedSecretAloneIsEnoughToStartAndToAuthenticate() {
        WebhookAuthenticator token = with(null, "Authorization", List.of("Bearer old", "Bearer new"));

        assertDoesNotThrow(() -> token.checkProtection(LaunchMode.NORMAL));
        assertTrue(token.isAuthentic(BODY, headers(Map.of("authorization", "Bearer new"))));
        assertTrue(token.isAuthentic(BODY, headers(Map.of("Authorization", "Bearer old"))));
        assertFalse(token.isAuthentic(BODY, headers(Map.of("Authorization", "Bearer ne"))));
        assertFalse(token.isAuthentic(BODY, headers(Map.of("X-Pluggy-Signature", Webhooks.hmac(BODY, "new")))),
                "no signing key configured: a signature proves nothing");
    }

    @Test
    void signatureIsCheckedOverTheExactBytes() {
        WebhookAuthenticator signed = with(List.of("k1"), null, null);
        String signature = Webhooks.hmac(BODY, "k1");

        assertTrue(signed.isAuthentic(BODY, headers(Map.of("X-Pluggy-Signature", signature))));
        assertTrue(signed.isAuthentic(BODY, headers(Map.of("x-pluggy-signature", " " + signature.toUpperCase() + " "))));
        byte[] other = BODY.clone();
        other[other.length - 2] = '2';
        assertFalse(signed.isAuthentic(other, headers(Map.of("X-Pluggy-Signature", signature))));
        assertFalse(signed.isAuthentic(BODY, headers(Map.of("X-Pluggy-Signature", signature.substring(2)))));
        assertFalse(signed.isAuthentic(BODY, headers(Map.of("X-Pluggy-Signature", "zz" + signature.substring(2)))));
        assertFalse(signed.isAuthentic(BODY, headers(Map.of())));
    }
}
