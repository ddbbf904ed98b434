package io.financehub.webhook.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.financehub.webhook.config.OutboxConfig;
import io.financehub.webhook.metrics.WebhookMetrics;
import io.smallrye.health.api.Wellness;

/**
 * Whether the outbox drains: DOWN when its oldest unpublished row is older than {@code webhook.outbox.stuck-after}
 * (Kafka down, or no relay running). A well-being check, on purpose not a readiness one: the intake must stay in
 * the load balancer while Kafka is away, because storing webhooks for later is exactly its job then.
 */
@Wellness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final WebhookMetrics metrics;
    private final Duration stuckAfter;

    OutboxHealthCheck(WebhookMetrics metrics, OutboxConfig config) {
        this.metrics = metrics;
        this.stuckAfter = config.stuckAfter();
    }

    @Override
    public HealthCheckResponse call() {
        Duration oldest = metrics.oldestAge();
        return HealthCheckResponse.named("Webhook outbox")
                .status(oldest.compareTo(stuckAfter) <= 0)
                .withData("backlog", metrics.backlog())
                .withData("oldest_age_seconds", oldest.toSeconds())
                .build();
    }
}
