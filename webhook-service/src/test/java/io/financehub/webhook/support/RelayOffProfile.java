package io.financehub.webhook.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service's own relay stands still, so a test drives relays it builds itself (one against an unreachable
 * broker, two at once) over the same outbox; retries are due at once.
 */
public class RelayOffProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "webhook.outbox.enabled", "false",
                "webhook.outbox.initial-backoff", "0s",
                "webhook.outbox.max-backoff", "0s");
    }
}
