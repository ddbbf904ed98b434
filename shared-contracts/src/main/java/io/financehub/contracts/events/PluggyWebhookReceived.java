package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A Pluggy webhook accepted by webhook-service. The typed fields are the union of Pluggy's webhook payloads (each
 * event fills only its own); {@code rawBody} keeps the body exactly as received, so fields Pluggy adds later and the
 * signed bytes are never lost.
 *
 * @param event  Pluggy's event name, e.g. {@code item/created}, {@code transactions/deleted}
 * @param itemId null for events without an item (e.g. {@code connector/status_updated})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PluggyWebhookReceived(
        String eventId,
        String event,
        String itemId,
        String triggeredBy,
        String clientUserId,
        String accountId,
        List<String> transactionIds,
        Instant transactionsCreatedAtFrom,
        String createdTransactionsLink,
        WebhookError error,
        Instant receivedAt,
        String rawBody) {

    public PluggyWebhookReceived {
        transactionIds = transactionIds == null ? List.of() : List.copyOf(transactionIds);
    }
}
