package io.financehub.webhook;

import java.util.Locale;
import java.util.Optional;

/** Where an accepted webhook is on its way to Kafka. */
public enum DeliveryStatus {
    /** In the outbox, not yet acknowledged by Kafka (possibly failing: see attempts and error). */
    PENDING,
    /** Acknowledged by Kafka. */
    PUBLISHED,
    /** An event this suite does not act on: stored for the audit, never forwarded. */
    IGNORED;

    /** The API's spelling. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeliveryStatus> fromLabel(String label) {
        for (DeliveryStatus status : values()) {
            if (status.label().equalsIgnoreCase(label.strip())) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
