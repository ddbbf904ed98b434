package io.financehub.webhook.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.contracts.events.PluggyWebhookReceived;
import io.financehub.contracts.events.WebhookError;
import io.financehub.webhook.PluggyEvents;

/**
 * Reads Pluggy's webhook bodies. Leniently: an authenticated body is Pluggy's word, so only what the intake cannot
 * do without (an object with eventId and event) is required, and a field of an unexpected shape is left out of the
 * typed payload rather than refused; {@code rawBody} keeps it for whoever needs it. The tree model is fine here: the
 * body carries no money.
 */
@ApplicationScoped
public class PluggyWebhookParser {

    static final int MAX_EVENT_ID_LENGTH = 200;
    static final int MAX_EVENT_LENGTH = 100;

    private final ObjectMapper json;

    PluggyWebhookParser(ObjectMapper json) {
        this.json = json;
    }

    /** What the intake stores besides the raw body. */
    public record Parsed(String eventId, String event, String itemId, String clientUserId, UUID companyId,
            String body) {

        public boolean forwarded() {
            return PluggyEvents.isForwarded(event);
        }
    }

    /** A body that is not a webhook; {@code event} is the normalised event when one was readable (for metrics). */
    public static final class InvalidWebhook extends Exception {

        private final String code;
        private final String event;

        InvalidWebhook(String code, String detail, String event) {
            super(detail, null, false, false);
            this.code = code;
            this.event = event;
        }

        public String code() {
            return code;
        }

        public String event() {
            return event;
        }
    }

    /** @param body the raw bytes; they must be UTF-8 (RFC 8259) so that the stored text is exactly what was signed */
    public Parsed parse(byte[] body) throws InvalidWebhook {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidWebhook("malformed_json", "The body is not UTF-8 JSON", null);
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidWebhook("malformed_json", "The body is not valid JSON", null);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidWebhook("malformed_json", "The body must be a JSON object", null);
        }
        String rawEvent = text(root, "event");
        String event = rawEvent == null ? null : PluggyEvents.normalise(rawEvent);
        if (event == null || event.isEmpty()) {
            throw new InvalidWebhook("missing_event", "The webhook has no event", null);
        }
        if (event.length() > MAX_EVENT_LENGTH) {
            throw new InvalidWebhook("invalid_event", "The event name is longer than " + MAX_EVENT_LENGTH, null);
        }
        String eventId = text(root, "eventId");
        if (eventId == null || eventId.isBlank()) {
            throw new InvalidWebhook("missing_event_id", "The webhook has no eventId", event);
        }
        if (eventId.length() > MAX_EVENT_ID_LENGTH) {
            throw new InvalidWebhook("invalid_event_id", "The eventId is longer than " + MAX_EVENT_ID_LENGTH, event);
        }
        String clientUserId = text(root, "clientUserId");
        return new Parsed(eventId.strip(), event, text(root, "itemId"), clientUserId, companyOf(clientUserId), text);
    }

    /**
     * The Kafka payload of a stored webhook.
     *
     * @param rawBody the stored body, already accepted by {@link #parse}
     */
    public PluggyWebhookReceived toContract(String rawBody, String eventId, String event, Instant receivedAt) {
        JsonNode root;
        try {
            root = json.readTree(rawBody);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored webhook body is no longer JSON: " + eventId, e);
        }
        return new PluggyWebhookReceived(
                eventId,
                event,
                text(root, "itemId"),
                text(root, "triggeredBy"),
                text(root, "clientUserId"),
                text(root, "accountId"),
                texts(root.get("transactionIds")),
                instant(text(root, "transactionsCreatedAtFrom")),
                text(root, "createdTransactionsLink"),
                error(root.get("error")),
                receivedAt,
                rawBody);
    }

    /** connection-service sets clientUserId to the company's id; anything else names no company of ours. */
    static UUID companyOf(String clientUserId) {
        if (clientUserId == null || clientUserId.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(clientUserId);
        } catch (IllegalArgumentException notUuid) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static List<String> texts(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> values = new ArrayList<>(array.size());
        array.forEach(element -> {
            if (element.isValueNode() && !element.isNull()) {
                values.add(element.asText());
            }
        });
        return values;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static WebhookError error(JsonNode error) {
        if (error == null || !error.isObject()) {
            return null;
        }
        return new WebhookError(text(error, "code"), text(error, "message"));
    }
}
