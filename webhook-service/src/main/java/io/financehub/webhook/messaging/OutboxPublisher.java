package io.financehub.webhook.messaging;

import io.smallrye.mutiny.Uni;

/** Where the relay sends a record; the item completes on the broker's acknowledgement and fails without it. */
public interface OutboxPublisher {

    Uni<Void> publish(String key, String envelopeJson);
}
