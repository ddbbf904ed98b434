package io.financehub.webhook.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.financehub.webhook.DeliveryStatus;

/**
 * An audit listing: newest first, keyset-paginated.
 *
 * @param companyId the caller's company, or null for an operator (every company, and events of no company)
 * @param itemId    only this item's events, when set
 * @param event     only this (normalised) event, when set
 * @param status    only this status, when set
 * @param after     continue after this position, when set
 */
public record EventQuery(UUID companyId, String itemId, String event, DeliveryStatus status, Cursor after,
        int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** A position in the listing, opaque to clients: the last row's (received_at, id). */
    public record Cursor(Instant receivedAt, UUID id) {

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((receivedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        public static Optional<Cursor> decode(String text) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int bar = decoded.indexOf('|');
                if (bar < 0) {
                    return Optional.empty();
                }
                return Optional.of(new Cursor(Instant.parse(decoded.substring(0, bar)),
                        UUID.fromString(decoded.substring(bar + 1))));
            } catch (IllegalArgumentException | DateTimeParseException malformed) {
                return Optional.empty();
            }
        }
    }
}
