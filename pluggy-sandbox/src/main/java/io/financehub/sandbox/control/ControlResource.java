package io.financehub.sandbox.control;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.sandbox.api.PageCache;
import io.financehub.sandbox.api.PluggyException;
import io.financehub.sandbox.auth.TokenService;
import io.financehub.sandbox.config.JsonCustomizer;
import io.financehub.sandbox.data.AccountKind;
import io.financehub.sandbox.data.AccountView;
import io.financehub.sandbox.data.Connector;
import io.financehub.sandbox.data.ConnectorCatalog;
import io.financehub.sandbox.data.SandboxAccount;
import io.financehub.sandbox.item.ExecutionRecord;
import io.financehub.sandbox.item.Item;
import io.financehub.sandbox.item.ItemService;
import io.financehub.sandbox.item.ItemService.Evolution;
import io.financehub.sandbox.item.ItemView;
import io.financehub.sandbox.item.SandboxStore;
import io.financehub.sandbox.traffic.FaultRegistry;
import io.financehub.sandbox.traffic.FaultRule;
import io.financehub.sandbox.traffic.RateLimiter;
import io.financehub.sandbox.webhook.DeliveryAttempt;
import io.financehub.sandbox.webhook.DeliveryLog;
import io.financehub.sandbox.webhook.WebhookService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * The sandbox's own control API, for tests and benchmarks, under /sandbox only (never on Pluggy's paths) and
 * without an API key: scenarios, executions, faults, the webhook delivery log, the truth of an account, settings and
 * reset.
 */
@Path("/sandbox")
public class ControlResource {

    @RegisterForReflection
    public record ScenarioAccount(String type, String subtype, Long transactionCount) {
    }

    @RegisterForReflection
    public record ScenarioRequest(Integer connectorId, String clientUserId, String webhookUrl,
            List<ScenarioAccount> accounts, Long transactionCount, String dateFrom, String dateTo, Long seed) {
    }

    @RegisterForReflection
    public record ScenarioResult(ItemView item, List<AccountView> accounts) {
    }

    @RegisterForReflection
    public record ExecutionRequest(Integer add, Integer change, Integer reId, Integer delete, Boolean postPending,
            String triggeredBy) {
    }

    @RegisterForReflection
    public record SettingsRequest(Boolean rateLimitsEnabled, Integer authPerMinute, Integer transactionsPerMinute,
            Integer itemUpdatesPerMinute, Boolean v1TransactionsGone) {
    }

    @RegisterForReflection
    public record ConnectorStatusRequest(String status) {
    }

    private final ItemService items;
    private final SandboxStore store;
    private final ConnectorCatalog connectors;
    private final WebhookService webhooks;
    private final DeliveryLog deliveries;
    private final FaultRegistry faults;
    private final RateLimiter limiter;
    private final SandboxSettings settings;
    private final PageCache pages;
    private final TokenService tokens;
    private final ObjectMapper mapper;

    public ControlResource(ItemService items, SandboxStore store, ConnectorCatalog connectors,
            WebhookService webhooks, DeliveryLog deliveries, FaultRegistry faults, RateLimiter limiter,
            SandboxSettings settings, PageCache pages, TokenService tokens, ObjectMapper mapper) {
        this.items = items;
        this.store = store;
        this.connectors = connectors;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.faults = faults;
        this.limiter = limiter;
        this.settings = settings;
        this.pages = pages;
        this.tokens = tokens;
        this.mapper = mapper;
    }

    // ------------------------------------------------------------------ scenarios and executions

    @POST
    @Path("scenarios")
    public ScenarioResult scenario(ScenarioRequest request) {
        ScenarioRequest r = request == null ? new ScenarioRequest(null, null, null, null, null, null, null, null)
                : request;
        int connectorId = r.connectorId() == null ? ConnectorCatalog.PLUGGY_BANK : r.connectorId();
        List<AccountKind> kinds = new ArrayList<>();
        long perAccount = r.transactionCount() == null ? 180 : r.transactionCount();
        if (r.accounts() != null) {
            for (ScenarioAccount a : r.accounts()) {
                kinds.add(AccountKind.of(a.type(), a.subtype()));
                if (a.transactionCount() != null) {
                    perAccount = a.transactionCount();
                }
            }
        }
        if (perAccount < 0 || perAccount > 10_000_000) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", "transactionCount must be in [0, 10000000]");
        }
        long to = r.dateTo() == null ? items.defaultToMillis() : Params.day(r.dateTo());
        long from = r.dateFrom() == null ? to - 90L * 86_400_000L : Params.day(r.dateFrom());
        if (from > to) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", "dateFrom is after dateTo");
        }
        Item item = items.createConnected(connectorId, r.clientUserId(), r.webhookUrl(), kinds, perAccount,
                from, to, r.seed());
        return new ScenarioResult(items.view(item), store.accountsOf(item).stream().map(SandboxAccount::view)
                .toList());
    }

    @POST
    @Path("items/{itemId}/executions")
    public ExecutionRecord execute(@PathParam("itemId") String itemId, ExecutionRequest request) {
        ExecutionRequest r = request == null ? new ExecutionRequest(null, null, null, null, null, null) : request;
        Evolution d = Evolution.DEFAULT;
        Evolution e = new Evolution(or(r.add(), d.add()), or(r.change(), d.change()), or(r.reId(), d.reId()),
                or(r.delete(), d.delete()), r.postPending() == null ? d.postPending() : r.postPending());
        return items.runExecution(itemId, e, r.triggeredBy() == null ? "SYNC" : r.triggeredBy());
    }

    @GET
    @Path("items/{itemId}/executions")
    public List<ExecutionRecord> executions(@PathParam("itemId") String itemId) {
        return store.item(itemId).orElseThrow(() -> PluggyException.notFound("Item", itemId)).executions();
    }

    private static int or(Integer value, int defaultValue) {
        return value == null ? defaultValue : Math.max(0, value);
    }

    // ------------------------------------------------------------------ truth

    @GET
    @Path("accounts/{accountId}/truth")
    public Response truth(@PathParam("accountId") String accountId) {
        SandboxAccount account = store.account(accountId)
                .orElseThrow(() -> PluggyException.notFound("Account", accountId));
        StreamingOutput body = (OutputStream out) -> {
            try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("accountId", accountId);
                g.writeNumberField("balance", account.ledger().balance());
                g.writeNumberField("count", account.ledger().liveCount());
                g.writeNumberField("sum", java.math.BigDecimal.valueOf(account.ledger().sumCents(), 2));
                g.writeArrayFieldStart("transactions");
                account.ledger().forEachLive(t -> {
                    try {
                        g.writeStartObject();
                        g.writeStringField("id", t.id());
                        g.writeNumberField("amount", t.amount());
                        g.writeStringField("date", JsonCustomizer.format(t.date()));
                        g.writeStringField("status", t.status());
                        g.writeEndObject();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                g.writeEndArray();
                g.writeEndObject();
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    // ------------------------------------------------------------------ faults

    @POST
    @Path("faults")
    public FaultRule addFault(FaultRule request) {
        return faults.add(request);
    }

    @GET
    @Path("faults")
    public List<FaultRule> faults() {
        return faults.list();
    }

    @DELETE
    @Path("faults")
    public Map<String, Object> clearFaults() {
        faults.clear();
        return Map.of();
    }

    @DELETE
    @Path("faults/{id}")
    public Map<String, Object> removeFault(@PathParam("id") String id) {
        if (!faults.remove(id)) {
            throw PluggyException.notFound("Fault", id);
        }
        return Map.of();
    }

    // ------------------------------------------------------------------ webhooks

    @GET
    @Path("webhooks/deliveries")
    public List<DeliveryAttempt> deliveries(@RestQuery String eventId, @RestQuery String event,
            @RestQuery String itemId, @RestQuery String url) {
        return deliveries.find(eventId, event, itemId, url);
    }

    @DELETE
    @Path("webhooks/deliveries")
    public Map<String, Object> clearDeliveries() {
        deliveries.clear();
        return Map.of();
    }

    @POST
    @Path("connectors/{id}/status")
    public Connector connectorStatus(@PathParam("id") int id, ConnectorStatusRequest request) {
        String status = request == null ? null : request.status();
        if (!"ONLINE".equals(status) && !"OFFLINE".equals(status) && !"UNSTABLE".equals(status)) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", "status must be ONLINE, UNSTABLE or OFFLINE");
        }
        Connector connector = connectors.setHealth(id, status);
        if (connector == null) {
            throw PluggyException.notFound("Connector", String.valueOf(id));
        }
        webhooks.publish("connector/status_updated", null, null, null, null,
                Map.of("connectorId", id, "data", Map.of("status", status)));
        return connector;
    }

    // ------------------------------------------------------------------ settings, keys, reset

    @GET
    @Path("settings")
    public SandboxSettings.View settings() {
        return settings.get();
    }

    @POST
    @Path("settings")
    public SandboxSettings.View updateSettings(SettingsRequest r) {
        SandboxSettings.View s = settings.get();
        if (r != null) {
            settings.set(new SandboxSettings.View(
                    r.rateLimitsEnabled() == null ? s.rateLimitsEnabled() : r.rateLimitsEnabled(),
                    r.authPerMinute() == null ? s.authPerMinute() : r.authPerMinute(),
                    r.transactionsPerMinute() == null ? s.transactionsPerMinute() : r.transactionsPerMinute(),
                    r.itemUpdatesPerMinute() == null ? s.itemUpdatesPerMinute() : r.itemUpdatesPerMinute(),
                    r.v1TransactionsGone() == null ? s.v1TransactionsGone() : r.v1TransactionsGone()));
        }
        limiter.reset();
        return settings.get();
    }

    /** An API key with a chosen lifetime: a negative one gives an expired key, for tests of the 401. */
    @POST
    @Path("api-keys")
    public Map<String, String> apiKey(@RestQuery Long ttlSeconds) {
        return Map.of("apiKey", tokens.issueApiKey(Duration.ofSeconds(ttlSeconds == null ? 7200 : ttlSeconds)));
    }

    /** Forget every item, account, webhook, fault and delivery; counters restart, so ids repeat. */
    @POST
    @Path("reset")
    public Map<String, Object> reset() {
        for (Item item : List.copyOf(store.items())) {
            store.removeItem(item);
        }
        store.reset();
        webhooks.reset();
        deliveries.clear();
        faults.clear();
        settings.reset();
        limiter.reset();
        connectors.reset();
        pages.clear();
        return Map.of();
    }

    /** Dates of the control API: 'YYYY-MM-DD' at 03:00 UTC (midnight in Brasília). */
    static final class Params {
        private Params() {
        }

        static long day(String value) {
            try {
                return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                        .toEpochMilli() + 3 * 3_600_000L;
            } catch (java.time.format.DateTimeParseException e) {
                throw PluggyException.badRequest("INVALID_PARAMETERS", "dates are YYYY-MM-DD, got " + value);
            }
        }
    }
}
