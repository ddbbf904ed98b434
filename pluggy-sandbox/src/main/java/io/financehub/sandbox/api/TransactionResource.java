package io.financehub.sandbox.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.sandbox.control.SandboxSettings;
import io.financehub.sandbox.data.CategoryCatalog;
import io.financehub.sandbox.data.Ledger;
import io.financehub.sandbox.data.SandboxAccount;
import io.financehub.sandbox.data.Transaction;
import io.financehub.sandbox.data.TransactionQuery;
import io.financehub.sandbox.item.SandboxStore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Transactions: GET /v2/transactions (cursor paging, the current API), GET /transactions (page/pageSize, deprecated;
 * 410 when switched off), GET and PATCH /transactions/{id}.
 *
 * <p>Pages are the hot path (a sync walks every page of every account), so a served page is kept serialised in
 * {@link PageCache}, keyed by the ledger's version: a repeated page costs a map lookup on the event loop, and a new
 * one is generated on a worker thread, never on the event loop.
 */
@Path("/")
public class TransactionResource {

    private static final int V1_DEFAULT_PAGE_SIZE = 20;
    private static final int MAX_PAGE_SIZE = 500;
    private static final Base64.Encoder CURSOR = Base64.getUrlEncoder().withoutPadding();

    @RegisterForReflection
    public record CategoryUpdate(String categoryId) {
    }

    @RegisterForReflection
    public record CursorPage(List<Transaction> results, String next) {
    }

    private final SandboxStore store;
    private final CategoryCatalog categories;
    private final SandboxSettings settings;
    private final ObjectMapper mapper;
    private final PageCache cache;

    public TransactionResource(SandboxStore store, CategoryCatalog categories, SandboxSettings settings,
            ObjectMapper mapper, PageCache cache) {
        this.store = store;
        this.categories = categories;
        this.settings = settings;
        this.mapper = mapper;
        this.cache = cache;
    }

    @GET
    @Path("v2/transactions")
    public Uni<Response> cursorPage(@RestQuery String accountId, @RestQuery String dateFrom, @RestQuery String dateTo,
            @RestQuery String createdAtFrom, @RestQuery String after, @RestQuery List<String> ids,
            @RestQuery String pageSize, @Context UriInfo uri) {
        SandboxAccount account = account(accountId);
        if (dateFrom != null && createdAtFrom != null) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", "dateFrom and createdAtFrom are mutually exclusive");
        }
        TransactionQuery query = new TransactionQuery(Params.from("dateFrom", dateFrom), Params.to("dateTo", dateTo),
                Params.from("createdAtFrom", createdAtFrom), Params.ids(ids));
        int size = pageSize(pageSize, MAX_PAGE_SIZE);
        long afterSeq = after == null || after.isBlank() ? -1 : decodeCursor(after);
        Ledger ledger = account.ledger();
        String key = "v2|" + account.id() + "|" + ledger.version() + "|" + query.cacheKey() + "|" + afterSeq + "|"
                + size;
        return serve(key, () -> {
            Ledger.Slice slice = ledger.pageAfter(query, afterSeq, size);
            String next = slice.hasMore() ? nextLink(uri, account.id(), dateFrom, dateTo, createdAtFrom, pageSize,
                    slice.lastSeq()) : null;
            return new CursorPage(slice.results(), next);
        });
    }

    @GET
    @Path("transactions")
    public Uni<Response> offsetPage(@RestQuery String accountId, @RestQuery String from, @RestQuery String to,
            @RestQuery String createdAtFrom, @RestQuery List<String> ids, @RestQuery String page,
            @RestQuery String pageSize) {
        if (settings.get().v1TransactionsGone()) {
            throw new PluggyException(410, "ENDPOINT_DEPRECATED",
                    "GET /transactions is deprecated for this key, use GET /v2/transactions");
        }
        SandboxAccount account = account(accountId);
        TransactionQuery query = new TransactionQuery(Params.from("from", from), Params.to("to", to),
                Params.from("createdAtFrom", createdAtFrom), Params.ids(ids));
        int size = pageSize(pageSize, V1_DEFAULT_PAGE_SIZE);
        int pageNumber = Params.positive("page", page, 1);
        Ledger ledger = account.ledger();
        String key = "v1|" + account.id() + "|" + ledger.version() + "|" + query.cacheKey() + "|" + pageNumber + "|"
                + size;
        return serve(key, () -> {
            Ledger.Slice slice = ledger.pageByOffset(query, (long) (pageNumber - 1) * size, size);
            long total = slice.total();
            long totalPages = (total + size - 1) / size;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("total", total);
            body.put("totalPages", totalPages);
            body.put("page", pageNumber);
            body.put("results", slice.results());
            return body;
        });
    }

    @GET
    @Path("transactions/{id}")
    public Transaction get(@PathParam("id") String id) {
        return store.transaction(id).orElseThrow(() -> PluggyException.notFound("Transaction", id));
    }

    @PATCH
    @Path("transactions/{id}")
    public Transaction recategorise(@PathParam("id") String id, CategoryUpdate update) {
        String categoryId = update == null ? null : update.categoryId();
        if (categoryId == null || categories.find(categoryId).isEmpty()) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", "categoryId must be an existing category id");
        }
        SandboxAccount account = store.accountOfTransaction(id)
                .orElseThrow(() -> PluggyException.notFound("Transaction", id));
        return account.ledger().setCategory(id, categoryId, java.time.Instant.now())
                .orElseThrow(() -> PluggyException.notFound("Transaction", id));
    }

    private SandboxAccount account(String accountId) {
        Params.required("accountId", accountId);
        return store.account(accountId).orElseThrow(() -> PluggyException.notFound("Account", accountId));
    }

    private static int pageSize(String value, int defaultValue) {
        int size = Params.positive("pageSize", value, defaultValue);
        if (size > MAX_PAGE_SIZE) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", "pageSize must be at most " + MAX_PAGE_SIZE);
        }
        return size;
    }

    private static long decodeCursor(String after) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            if (!raw.startsWith("s:")) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(raw.substring(2));
        } catch (IllegalArgumentException e) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", "after is not a cursor this API issued");
        }
    }

    private static String nextLink(UriInfo uri, String accountId, String dateFrom, String dateTo,
            String createdAtFrom, String pageSize, long lastSeq) {
        StringBuilder link = new StringBuilder(uri.getBaseUri().toString());
        if (link.charAt(link.length() - 1) != '/') {
            link.append('/');
        }
        link.append("v2/transactions?accountId=").append(accountId);
        append(link, "dateFrom", dateFrom);
        append(link, "dateTo", dateTo);
        append(link, "createdAtFrom", createdAtFrom);
        append(link, "pageSize", pageSize);
        link.append("&after=").append(CURSOR.encodeToString(("s:" + lastSeq).getBytes(StandardCharsets.UTF_8)));
        return link.toString();
    }

    private static void append(StringBuilder link, String name, String value) {
        if (value != null && !value.isBlank()) {
            link.append('&').append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private Uni<Response> serve(String key, java.util.function.Supplier<Object> body) {
        byte[] cached = cache.get(key);
        if (cached != null) {
            return Uni.createFrom().item(json(cached));
        }
        return Uni.createFrom().item(() -> {
            try {
                byte[] bytes = mapper.writeValueAsBytes(body.get());
                cache.put(key, bytes);
                return json(bytes);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise page", e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response json(byte[] bytes) {
        return Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE).build();
    }

    static Set<String> none() {
        return Set.of();
    }
}
