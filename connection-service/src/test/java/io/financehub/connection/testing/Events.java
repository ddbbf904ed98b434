package io.financehub.connection.testing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.Topics;
import io.financehub.contracts.events.ItemStatusChanged;
import io.financehub.contracts.events.PluggyWebhookReceived;
import io.financehub.contracts.events.WebhookError;

/** Events as webhook-service and sync-service publish them, sent to the real topics. */
public final class Events {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Events() {
    }

    public static EventEnvelope<PluggyWebhookReceived> webhook(String event, String itemId, Instant receivedAt,
            WebhookError error, String accountId, List<String> transactionIds) {
        PluggyWebhookReceived payload = new PluggyWebhookReceived(UUID.randomUUID().toString(), event, itemId, "SYNC",
                null, accountId, transactionIds, null, null, error, receivedAt, "{\"event\":\"" + event + "\"}");
        return new EventEnvelope<>(UUID.randomUUID(), EventTypes.WEBHOOK_RECEIVED, 1, receivedAt, null, payload);
    }

    public static EventEnvelope<PluggyWebhookReceived> webhook(String event, String itemId, Instant receivedAt) {
        return webhook(event, itemId, receivedAt, null, null, List.of());
    }

    public static EventEnvelope<ItemStatusChanged> status(String itemId, String status, String executionStatus,
            String errorCode, String errorMessage, Instant observedAt) {
        ItemStatusChanged payload = new ItemStatusChanged(itemId, status, executionStatus, errorCode, errorMessage,
                "WAITING_USER_INPUT".equals(status), "LOGIN_ERROR".equals(status), "OUTDATED".equals(status), null,
                observedAt);
        return new EventEnvelope<>(UUID.randomUUID(), EventTypes.ITEM_STATUS_CHANGED, 1, observedAt, null, payload);
    }

    public static void publishWebhook(EventEnvelope<PluggyWebhookReceived> envelope) {
        KafkaTopics.send(Topics.WEBHOOK_EVENTS, envelope.payload().itemId(), write(envelope));
    }

    public static void publishStatus(EventEnvelope<ItemStatusChanged> envelope) {
        KafkaTopics.send(Topics.ITEM_STATUS, envelope.payload().itemId(), write(envelope));
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
