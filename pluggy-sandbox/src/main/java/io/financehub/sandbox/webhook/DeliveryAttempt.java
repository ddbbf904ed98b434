package io.financehub.sandbox.webhook;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One attempt to deliver one event to one URL, as the delivery log records it.
 *
 * @param outcome     DELIVERED, RETRYING (a retry is scheduled), FAILED (no retry: 401 or attempts exhausted)
 * @param statusCode  the receiver's HTTP status, null when no answer came (timeout, refused)
 * @param latencyMs   from the event to the end of this attempt
 */
@RegisterForReflection
public record DeliveryAttempt(String deliveryId, String eventId, String event, String itemId, String url,
        int attempt, Integer statusCode, String error, String outcome, Instant eventAt, Instant sentAt,
        long durationMs, long latencyMs, String signature) {
}
