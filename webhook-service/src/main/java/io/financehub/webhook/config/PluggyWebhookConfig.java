package io.financehub.webhook.config;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How Pluggy's deliveries are authenticated and bounded. The property names map to the suite's environment names:
 * {@code pluggy.webhook.secret} is {@code PLUGGY_WEBHOOK_SECRET}, {@code pluggy.webhook.header-name} is
 * {@code PLUGGY_WEBHOOK_HEADER_NAME}, and so on.
 */
@ConfigMapping(prefix = "pluggy.webhook")
public interface PluggyWebhookConfig {

    /** The signature header: hex HMAC-SHA256 of the raw body. */
    String SIGNATURE_HEADER = "X-Pluggy-Signature";

    /**
     * HMAC-SHA256 keys of {@value #SIGNATURE_HEADER}, comma-separated. Every listed key is accepted, so a new key is
     * added first and the old one removed once Pluggy signs with the new one: no delivery is lost to a rotation.
     */
    Optional<List<String>> secret();

    /**
     * Name of the header that carries a shared secret, the authentication Pluggy itself offers (the {@code headers}
     * of a webhook resource), e.g. {@code X-Webhook-Token}.
     */
    Optional<String> headerName();

    /** Accepted values of {@link #headerName()}, comma-separated for rotation. */
    Optional<List<String>> headerSecret();

    /** Larger bodies are refused with 413 before they are read; Pluggy's webhooks are a few hundred bytes. */
    @WithDefault("256K")
    MemorySize maxBodySize();
}
