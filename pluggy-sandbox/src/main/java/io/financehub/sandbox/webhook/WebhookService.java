package io.financehub.sandbox.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.sandbox.api.PluggyException;
import io.financehub.sandbox.config.SandboxConfig;
import io.financehub.sandbox.data.Det;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pluggy's webhooks: the registry behind /webhooks and the delivery of events, signed, with the webhook's custom
 * headers, retried with exponential backoff on a non-2xx or a timeout, never retried after a 401. Delivery runs on
 * the Vert.x event loop (web client and timers); nothing here blocks.
 */
@ApplicationScoped
public class WebhookService {

    /** The events one can subscribe to, named as Pluggy names them. */
    public static final Set<String> EVENTS = Set.of("item/created", "item/updated", "item/error", "item/deleted",
            "item/waiting_user_input", "item/waiting_user_action", "item/login_succeeded", "connector/status_updated",
            "transactions/created", "transactions/updated", "transactions/deleted", "all");

    private final SandboxConfig config;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final WebClient client;
    private final DeliveryLog log;
    private final Map<String, Registration> webhooks = new ConcurrentHashMap<>();
    private final AtomicLong webhookOrdinal = new AtomicLong();
    private final AtomicLong eventOrdinal = new AtomicLong();
    private final AtomicLong deliveryOrdinal = new AtomicLong();

    private static final class Registration {
        final String id;
        String url;
        String event;
        Map<String, String> headers;
        final Instant createdAt;
        Instant updatedAt;
        Instant disabledAt;

        Registration(String id, String url, String event, Map<String, String> headers, Instant now) {
            this.id = id;
            this.url = url;
            this.event = event;
            this.headers = headers;
            this.createdAt = now;
            this.updatedAt = now;
        }

        synchronized WebhookView view() {
            return new WebhookView(id, url, event, headers, createdAt, updatedAt, disabledAt);
        }
    }

    public WebhookService(SandboxConfig config, ObjectMapper mapper, Vertx vertx, DeliveryLog log) {
        this.config = config;
        this.mapper = mapper;
        this.vertx = vertx;
        this.log = log;
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("Pluggy-Webhooks/1.0")
                .setKeepAlive(true).setMaxPoolSize(50).setConnectTimeout(5_000));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    // ------------------------------------------------------------------ registry (/webhooks)

    public WebhookView create(String url, String event, Map<String, String> headers) {
        validate(url, event);
        long perEvent = webhooks.values().stream().filter(w -> w.event.equals(event)).count();
        if (perEvent >= config.webhooks().maxPerEvent()) {
            throw PluggyException.badRequest("WEBHOOK_LIMIT_EXCEEDED",
                    "At most " + config.webhooks().maxPerEvent() + " webhooks can be registered for event " + event);
        }
        String id = Det.uuid(config.seed(), "webhook", webhookOrdinal.getAndIncrement()).toString();
        Registration r = new Registration(id, url, event, headers == null ? null : Map.copyOf(headers), Instant.now());
        webhooks.put(id, r);
        return r.view();
    }

    public List<WebhookView> list() {
        return webhooks.values().stream().map(Registration::view)
                .sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).toList();
    }

    public Optional<WebhookView> find(String id) {
        return Optional.ofNullable(webhooks.get(id)).map(Registration::view);
    }

    public Optional<WebhookView> update(String id, String url, String event, Map<String, String> headers,
            Boolean enabled) {
        Registration r = webhooks.get(id);
        if (r == null) {
            return Optional.empty();
        }
        validate(url == null ? r.url : url, event == null ? r.event : event);
        synchronized (r) {
            if (url != null) {
                r.url = url;
            }
            if (event != null) {
                r.event = event;
            }
            if (headers != null) {
                r.headers = Map.copyOf(headers);
            }
            if (enabled != null) {
                r.disabledAt = enabled ? null : Instant.now();
            }
            r.updatedAt = Instant.now();
        }
        return Optional.of(r.view());
    }

    public Optional<WebhookView> delete(String id) {
        return Optional.ofNullable(webhooks.remove(id)).map(Registration::view);
    }

    private static void validate(String url, String event) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", "url must be an http(s) URL");
        }
        if (event == null || !EVENTS.contains(event)) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", "event must be one of " + EVENTS);
        }
    }

    public void reset() {
        webhooks.clear();
        webhookOrdinal.set(0);
        eventOrdinal.set(0);
        deliveryOrdinal.set(0);
    }

    // ------------------------------------------------------------------ events

    /**
     * Sends an event to the registered webhooks listening to it (or to "all") and to the item's own webhookUrl, once
     * per URL. Returns the eventId.
     *
     * @param fields the event's own fields after eventId, event, id, itemId, triggeredBy and clientUserId
     */
    public String publish(String event, String itemId, String triggeredBy, String clientUserId, String itemWebhookUrl,
            Map<String, Object> fields) {
        String eventId = Det.uuid(config.seed(), "event", eventOrdinal.getAndIncrement()).toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", itemId);
        body.put("eventId", eventId);
        body.put("event", event);
        if (itemId != null) {
            body.put("itemId", itemId);
            body.put("triggeredBy", triggeredBy);
            body.put("clientUserId", clientUserId);
        }
        body.putAll(fields);
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise webhook " + event, e);
        }
        Map<String, Map<String, String>> targets = new LinkedHashMap<>();
        for (Registration r : webhooks.values()) {
            WebhookView w = r.view();
            if (w.disabledAt() == null && (w.event().equals(event) || w.event().equals("all"))) {
                targets.putIfAbsent(w.url(), w.headers() == null ? Map.of() : w.headers());
            }
        }
        if (itemWebhookUrl != null && !itemWebhookUrl.isBlank()) {
            targets.putIfAbsent(itemWebhookUrl, Map.of());
        }
        Instant eventAt = Instant.now();
        String signature = Signatures.hmacSha256Hex(config.webhookSecret(), bytes);
        targets.forEach((url, headers) -> {
            String deliveryId = Det.uuid(config.seed(), "delivery", deliveryOrdinal.getAndIncrement()).toString();
            attempt(new Delivery(deliveryId, eventId, event, itemId, url, headers, bytes, signature, eventAt), 1);
        });
        return eventId;
    }

    private record Delivery(String id, String eventId, String event, String itemId, String url,
            Map<String, String> headers, byte[] body, String signature, Instant eventAt) {
    }

    private void attempt(Delivery d, int attempt) {
        Instant sentAt = Instant.now();
        long started = System.nanoTime();
        HttpRequest<Buffer> request;
        try {
            request = client.requestAbs(HttpMethod.POST, d.url());
        } catch (RuntimeException e) {
            record(d, attempt, null, "invalid url: " + e.getMessage(), "FAILED", sentAt, started);
            return;
        }
        request.timeout(config.webhooks().timeout().toMillis());
        // Custom headers first: the signature and content type are the sandbox's and cannot be overridden.
        d.headers().forEach(request::putHeader);
        request.putHeader("Content-Type", "application/json");
        request.putHeader("X-Pluggy-Signature", d.signature());
        request.sendBuffer(Buffer.buffer(d.body())).subscribe().with(response -> {
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                record(d, attempt, status, null, "DELIVERED", sentAt, started);
            } else if (status == 401) {
                record(d, attempt, status, "receiver answered 401: not retried", "FAILED", sentAt, started);
            } else {
                retryOrFail(d, attempt, status, "receiver answered " + status, sentAt, started);
            }
        }, failure -> retryOrFail(d, attempt, null, failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                sentAt, started));
    }

    private void retryOrFail(Delivery d, int attempt, Integer status, String error, Instant sentAt, long started) {
        if (attempt >= config.webhooks().maxAttempts()) {
            record(d, attempt, status, error, "FAILED", sentAt, started);
            Log.infof("webhook %s to %s failed after %d attempts: %s", d.event(), d.url(), attempt, error);
            return;
        }
        record(d, attempt, status, error, "RETRYING", sentAt, started);
        Duration backoff = config.webhooks().initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
        vertx.setTimer(Math.max(1, backoff.toMillis()), id -> attempt(d, attempt + 1));
    }

    private void record(Delivery d, int attempt, Integer status, String error, String outcome, Instant sentAt,
            long started) {
        long duration = (System.nanoTime() - started) / 1_000_000;
        long latency = Duration.between(d.eventAt(), Instant.now()).toMillis();
        log.record(new DeliveryAttempt(d.id(), d.eventId(), d.event(), d.itemId(), d.url(), attempt, status, error,
                outcome, d.eventAt(), sentAt, duration, latency, d.signature()));
    }

    /** Registered webhooks as a list for the page envelope. */
    public List<WebhookView> snapshot() {
        return new ArrayList<>(list());
    }
}
