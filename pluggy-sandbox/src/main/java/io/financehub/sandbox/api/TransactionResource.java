package io.financehub.sandbox.api;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.jboss.resteasy.reactive.RestQuery;

import io.financehub.sandbox.control.SandboxSettings;
import io.financehub.sandbox.data.CategoryCatalog;
import io.financehub.sandbox.data.SandboxAccount;
import io.financehub.sandbox.data.Transaction;
import io.financehub.sandbox.item.SandboxStore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
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
 * <p>The two listings are the hot path (a sync walks every page of every account). Most of their requests never get
 * here: {@link PageRoute} answers them on the Vert.x router, and hands over to these methods whatever it does not
 * take on (errors included), which answer through the same {@link TransactionPages}.
 */
@Path("/")
public class TransactionResource {

    @RegisterForReflection
    public record CategoryUpdate(String categoryId) {
    }

    private final SandboxStore store;
    private final CategoryCatalog categories;
    private final SandboxSettings settings;
    private final TransactionPages pages;

    public TransactionResource(SandboxStore store, CategoryCatalog categories, SandboxSettings settings,
            TransactionPages pages) {
        this.store = store;
        this.categories = categories;
        this.settings = settings;
        this.pages = pages;
    }

    @GET
    @Path("v2/transactions")
    public Uni<Response> cursorPage(@RestQuery String accountId, @RestQuery String dateFrom, @RestQuery String dateTo,
            @RestQuery String createdAtFrom, @RestQuery String after, @RestQuery List<String> ids,
            @RestQuery String pageSize, @Context UriInfo uri) {
        TransactionPages.CursorRequest request = pages.cursorRequest(accountId, dateFrom, dateTo, createdAtFrom, after,
                ids, pageSize);
        return json(pages.cursorPage(request, uri.getBaseUri().toString()));
    }

    @GET
    @Path("transactions")
    public Uni<Response> offsetPage(@RestQuery String accountId, @RestQuery String from, @RestQuery String to,
            @RestQuery String createdAtFrom, @RestQuery List<String> ids, @RestQuery String page,
            @RestQuery String pageSize) {
        if (settings.get().v1TransactionsGone()) {
            throw gone();
        }
        return json(pages.offsetPage(pages.offsetRequest(accountId, from, to, createdAtFrom, ids, page, pageSize)));
    }

    static PluggyException gone() {
        return new PluggyException(410, "ENDPOINT_DEPRECATED",
                "GET /transactions is deprecated for this key, use GET /v2/transactions");
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
        return account.ledger().setCategory(id, categoryId, Instant.now())
                .orElseThrow(() -> PluggyException.notFound("Transaction", id));
    }

    private static Uni<Response> json(CompletionStage<Buffer> page) {
        return Uni.createFrom().completionStage(page)
                .map(body -> Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build());
    }
}
