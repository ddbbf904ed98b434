package io.financehub.sandbox.webhook;

import java.time.Instant;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Pluggy's Webhook, as the /webhooks endpoints answer it. */
@RegisterForReflection
public record WebhookView(String id, String url, String event, Map<String, String> headers, Instant createdAt,
        Instant updatedAt, Instant disabledAt) {
}
