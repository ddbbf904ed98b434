package io.financehub.webhook.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.financehub.webhook.config.PluggyWebhookConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Decides whether a delivery comes from Pluggy, from the raw bytes before anything parses them. Two ways, each on
 * when configured, either one sufficient:
 * <ul>
 * <li>{@code X-Pluggy-Signature}: hex HMAC-SHA256 of the body under any of {@code PLUGGY_WEBHOOK_SECRET}'s keys;</li>
 * <li>a shared secret in the header named by {@code PLUGGY_WEBHOOK_HEADER_NAME}, which is what Pluggy's webhook
 * resource can send ({@code headers}).</li>
 * </ul>
 * Comparisons run in constant time. With nothing configured every delivery is refused, and a production start fails.
 */
@ApplicationScoped
public class WebhookAuthenticator {

    private static final String HMAC = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    /** One initialised Mac per key; each request clones it (cheaper than a provider look-up, and Mac is not shared). */
    private final List<Mac> signers;
    private final String tokenHeader;
    private final List<byte[]> tokens;

    WebhookAuthenticator(PluggyWebhookConfig config) {
        this.signers = config.secret().orElse(List.of()).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).map(WebhookAuthenticator::signer).toList();
        this.tokenHeader = config.headerName().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        this.tokens = tokenHeader == null ? List.of()
                : config.headerSecret().orElse(List.of()).stream()
                        .map(String::strip).filter(s -> !s.isEmpty())
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    void refuseToRunUnprotected(@Observes StartupEvent started) {
        checkProtection(LaunchMode.current());
    }

    /** Fails in production when no way of authentication is configured; warns loudly elsewhere. */
    void checkProtection(LaunchMode mode) {
        if (isConfigured()) {
            Log.infof("Webhook authentication: %d signing key(s), shared-secret header %s", signers.size(),
                    tokens.isEmpty() ? "off" : tokenHeader);
            return;
        }
        String problem = "No webhook authentication is configured (PLUGGY_WEBHOOK_SECRET, or "
                + "PLUGGY_WEBHOOK_HEADER_NAME with PLUGGY_WEBHOOK_HEADER_SECRET)";
        if (mode == LaunchMode.NORMAL) {
            throw new IllegalStateException(problem + ": refusing to start");
        }
        Log.warn("!!!!!!!! " + problem + ": EVERY WEBHOOK WILL BE REFUSED WITH 401 !!!!!!!!");
    }

    public boolean isConfigured() {
        return !signers.isEmpty() || !tokens.isEmpty();
    }

    /**
     * @param header the request's headers by name (case-insensitive), null when absent
     * @return whether the body is authentic under any configured way
     */
    public boolean isAuthentic(byte[] body, UnaryOperator<String> header) {
        return signatureMatches(body, header.apply(PluggyWebhookConfig.SIGNATURE_HEADER))
                || tokenMatches(tokenHeader == null ? null : header.apply(tokenHeader));
    }

    private boolean signatureMatches(byte[] body, String signature) {
        if (signature == null || signers.isEmpty()) {
            return false;
        }
        byte[] claimed;
        try {
            // HexFormat parses both cases: Pluggy's lower-case and any upper-case rendering of the same bytes.
            claimed = HEX.parseHex(signature.strip());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        boolean match = false;
        for (Mac prototype : signers) {
            // Every key is tried, whatever matched before: the time taken says nothing about which key matched.
            match |= MessageDigest.isEqual(claimed, copyOf(prototype).doFinal(body));
        }
        return match;
    }

    private boolean tokenMatches(String token) {
        if (token == null || tokens.isEmpty()) {
            return false;
        }
        byte[] presented = token.strip().getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] expected : tokens) {
            match |= MessageDigest.isEqual(presented, expected);
        }
        return match;
    }

    private static Mac signer(String secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static Mac copyOf(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The HMAC provider cannot clone an initialised Mac", e);
        }
    }
}
