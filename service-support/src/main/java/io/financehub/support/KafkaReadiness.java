package io.financehub.support;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.kafka.client.runtime.KafkaAdminClient;

/**
 * Ready only while the Kafka cluster answers, within a bounded time. Quarkus' own Kafka check waits
 * for the admin client's default API timeout (a minute) when the broker is gone, which outlives any
 * probe; this one answers DOWN in seconds. A service whose job while Kafka is down is to keep accepting work
 * (webhook intake) turns it off with {@code financehub.kafka.readiness.enabled=false}.
 */
@Readiness
@IfBuildProperty(name = "financehub.kafka.readiness.enabled", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    static final String NAME = "Kafka connection health check";

    private final KafkaAdminClient admin;
    private final Duration timeout;

    KafkaReadiness(KafkaAdminClient admin,
            @ConfigProperty(name = "financehub.kafka.health-timeout", defaultValue = "3s") Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            String nodes = admin.getCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .map(node -> node.host() + ":" + node.port())
                    .collect(Collectors.joining(","));
            return HealthCheckResponse.named(NAME).up().withData("nodes", nodes).build();
        } catch (TimeoutException e) {
            return HealthCheckResponse.named(NAME).down().withData("reason", "no answer within " + timeout).build();
        } catch (ExecutionException e) {
            return HealthCheckResponse.named(NAME).down().withData("reason", String.valueOf(e.getCause())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named(NAME).down().withData("reason", "interrupted").build();
        }
    }
}
