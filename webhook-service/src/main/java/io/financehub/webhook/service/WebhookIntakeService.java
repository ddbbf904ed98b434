package io.financehub.webhook.service;

import java.time.Instant;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.webhook.messaging.OutboxRelay;
import io.financehub.webhook.metrics.WebhookMetrics;
import io.financehub.webhook.repository.IntakeWriter;
import io.financehub.webhook.security.WebhookAuthenticator;
import io.financehub.webhook.service.PluggyWebhookParser.InvalidWebhook;
import io.financehub.webhook.service.PluggyWebhookParser.Parsed;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Takes one delivery from Pluggy: authenticate the raw bytes, parse, store the event with its outbox row in one
 * statement, answer. Kafka is never on this path; the relay is nudged and publishes after the answer.
 */
@ApplicationScoped
public class WebhookIntakeService {

    /** How a delivery ended; the resource maps each to its HTTP answer. */
    public sealed interface Outcome {

        String INVALID_SIGNATURE = "invalid_signature";
        String TOO_LARGE = "payload_too_large";

        /** Stored for the first time (forwarded to Kafka, or ignored if its event is not one this suite acts on). */
        record Accepted(String eventId, String event, boolean forwarded) implements Outcome {
        }

        /** Its eventId was already stored: nothing written. */
        record Duplicate(String eventId, String event) implements Outcome {
        }

        record Unauthentic() implements Outcome {
        }

        record Invalid(String code, String detail) implements Outcome {
        }
    }

    private final WebhookAuthenticator authenticator;
    private final PluggyWebhookParser parser;
    private final IntakeWriter writer;
    private final OutboxRelay relay;
    private final WebhookMetrics metrics;

    WebhookIntakeService(WebhookAuthenticator authenticator, PluggyWebhookParser parser, IntakeWriter writer,
            OutboxRelay relay, WebhookMetrics metrics) {
        this.authenticator = authenticator;
        this.parser = parser;
        this.writer = writer;
        this.relay = relay;
        this.metrics = metrics;
    }

    /**
     * @param body      the raw body, exactly as received: the signature covers these bytes
     * @param header    the request's headers by name
     * @param startNanos when the delivery was taken, for the latency histogram
     */
    public Uni<Outcome> receive(byte[] body, UnaryOperator<String> header, long startNanos) {
        if (!authenticator.isAuthentic(body, header)) {
            metrics.rejected(null, Outcome.INVALID_SIGNATURE, startNanos);
            return Uni.createFrom().item(new Outcome.Unauthentic());
        }
        Parsed webhook;
        try {
            webhook = parser.parse(body);
        } catch (InvalidWebhook invalid) {
            metrics.rejected(invalid.event(), invalid.code(), startNanos);
            return Uni.createFrom().item(new Outcome.Invalid(invalid.code(), invalid.getMessage()));
        }
        return writer.store(webhook, Instant.now()).map(stored -> {
            if (!stored) {
                Log.debugf("Duplicate webhook %s (%s)", webhook.eventId(), webhook.event());
                metrics.duplicate(webhook.event(), startNanos);
                return new Outcome.Duplicate(webhook.eventId(), webhook.event());
            }
            if (webhook.forwarded()) {
                relay.nudge();
            } else {
                Log.infof("Webhook %s has an event this suite does not act on (%s): stored, not forwarded",
                        webhook.eventId(), webhook.event());
            }
            metrics.accepted(webhook.event(), startNanos);
            return new Outcome.Accepted(webhook.eventId(), webhook.event(), webhook.forwarded());
        });
    }
}
