package io.financehub.sandbox.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.sandbox.config.SandboxConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * API keys and connect tokens: HS256 JWTs (the SDK decodes them to read {@code exp}) signed with a key drawn at start,
 * so a token from another run or a forged one is refused, as at Pluggy.
 */
@ApplicationScoped
public class TokenService {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(
            StandardCharsets.UTF_8));

    private final SandboxConfig config;
    private final ObjectMapper mapper;
    private final byte[] key = new byte[32];

    /** The outcome of checking an X-API-KEY. */
    public sealed interface Check {
    }

    public record Valid(Caller caller) implements Check {
    }

    public record Expired() implements Check {
    }

    public record Invalid() implements Check {
    }

    public TokenService(SandboxConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        new SecureRandom().nextBytes(key);
    }

    public boolean credentialsMatch(String clientId, String clientSecret) {
        return clientId != null && clientSecret != null
                && MessageDigest.isEqual(clientId.getBytes(StandardCharsets.UTF_8),
                        config.clientId().getBytes(StandardCharsets.UTF_8))
                && MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8),
                        config.clientSecret().getBytes(StandardCharsets.UTF_8));
    }

    public String issueApiKey() {
        return issueApiKey(config.timings().apiKeyTtl());
    }

    /** An API key with a chosen lifetime (tests mint already-expired ones with a negative duration). */
    public String issueApiKey(Duration ttl) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("kind", "api");
        return sign(claims, ttl);
    }

    public String issueConnectToken(String itemId, String clientUserId, String webhookUrl, String oauthRedirectUri,
            boolean avoidDuplicates) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("kind", "connect");
        putIfPresent(claims, "itemId", itemId);
        putIfPresent(claims, "clientUserId", clientUserId);
        putIfPresent(claims, "webhookUrl", webhookUrl);
        putIfPresent(claims, "oauthRedirectUri", oauthRedirectUri);
        claims.put("avoidDuplicates", avoidDuplicates);
        return sign(claims, config.timings().connectTokenTtl());
    }

    private static void putIfPresent(Map<String, Object> claims, String name, String value) {
        if (value != null) {
            claims.put(name, value);
        }
    }

    private String sign(Map<String, Object> claims, Duration ttl) {
        long now = Instant.now().getEpochSecond();
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now);
        claims.put("exp", now + ttl.toSeconds());
        try {
            String payload = B64.encodeToString(mapper.writeValueAsBytes(claims));
            String signingInput = HEADER + "." + payload;
            return signingInput + "." + B64.encodeToString(hmac(signingInput));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise token", e);
        }
    }

    public Check check(String token) {
        if (token == null || token.isBlank()) {
            return new Invalid();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return new Invalid();
        }
        try {
            byte[] expected = hmac(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, B64D.decode(parts[2]))) {
                return new Invalid();
            }
            Map<String, Object> claims = mapper.readValue(B64D.decode(parts[1]), new TypeReference<>() {
            });
            long exp = ((Number) claims.get("exp")).longValue();
            if (exp <= Instant.now().getEpochSecond()) {
                return new Expired();
            }
            String jti = (String) claims.get("jti");
            if ("connect".equals(claims.get("kind"))) {
                return new Valid(new Caller(Caller.Kind.CONNECT_TOKEN, jti, (String) claims.get("clientUserId"),
                        (String) claims.get("webhookUrl"), (String) claims.get("itemId"),
                        (String) claims.get("oauthRedirectUri"), Boolean.TRUE.equals(claims.get("avoidDuplicates"))));
            }
            return new Valid(Caller.apiKey(jti));
        } catch (IllegalArgumentException | java.io.IOException | ClassCastException | NullPointerException e) {
            return new Invalid();
        }
    }

    private byte[] hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
