package io.financehub.sandbox.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.financehub.sandbox.auth.TokenService;
import io.financehub.sandbox.control.SandboxSettings;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The two transaction listings straight on the Vert.x router, after {@code TrafficFilter} (faults and rate limits
 * stay in front) and before Quarkus REST: a cached page costs a token check, a map look-up and a write of an
 * off-heap buffer, on the event loop.
 *
 * <p>It only takes what it answers exactly as {@link TransactionResource} would: a valid API key (not a connect
 * token), each parameter at most once and plainly encoded, no {@code ids}, a known account, valid parameters. Anything
 * else goes on to the resource unanswered ({@code ctx.next()}), which applies the API-key filter, the error bodies and
 * the rest, so an error is answered by one piece of code only.
 */
@ApplicationScoped
public class PageRoute {

    /** After TrafficFilter (-100), before Quarkus REST. */
    static final int ORDER = -90;
    private static final List<String> CURSOR_PARAMS = List.of("accountId", "dateFrom", "dateTo", "createdAtFrom",
            "after", "pageSize");
    private static final List<String> OFFSET_PARAMS = List.of("accountId", "from", "to", "createdAtFrom", "page",
            "pageSize");

    private final TokenService tokens;
    private final SandboxSettings settings;
    private final TransactionPages pages;
    private final Map<String, String> baseUris = new ConcurrentHashMap<>();

    public PageRoute(TokenService tokens, SandboxSettings settings, TransactionPages pages) {
        this.tokens = tokens;
        this.settings = settings;
        this.pages = pages;
    }

    void install(@Observes Router router) {
        router.get("/v2/transactions").order(ORDER).handler(this::cursor);
        router.get("/transactions").order(ORDER).handler(this::offset);
    }

    void cursor(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String base = takeable(request, "/v2/transactions", CURSOR_PARAMS) ? baseUri(request) : null;
        if (base == null) {
            ctx.next();
            return;
        }
        MultiMap q = request.params();
        TransactionPages.CursorRequest r;
        try {
            r = pages.cursorRequest(q.get("accountId"), q.get("dateFrom"), q.get("dateTo"), q.get("createdAtFrom"),
                    q.get("after"), null, q.get("pageSize"));
        } catch (PluggyException e) {
            ctx.next();
            return;
        }
        answer(ctx, pages.cursorPage(r, base));
    }

    void offset(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!takeable(request, "/transactions", OFFSET_PARAMS) || settings.get().v1TransactionsGone()) {
            ctx.next();
            return;
        }
        MultiMap q = request.params();
        TransactionPages.OffsetRequest r;
        try {
            r = pages.offsetRequest(q.get("accountId"), q.get("from"), q.get("to"), q.get("createdAtFrom"), null,
                    q.get("page"), q.get("pageSize"));
        } catch (PluggyException e) {
            ctx.next();
            return;
        }
        answer(ctx, pages.offsetPage(r));
    }

    private boolean takeable(HttpServerRequest request, String path, List<String> params) {
        if (!path.equals(request.path())) {
            return false;
        }
        // Percent-encoding and '+' are decoded by Quarkus REST and Vert.x in their own ways: leave them to the resource.
        String query = request.query();
        if (query != null && (query.indexOf('%') >= 0 || query.indexOf('+') >= 0)) {
            return false;
        }
        MultiMap q = request.params();
        if (q.contains("ids")) {
            return false;
        }
        for (String name : params) {
            if (q.getAll(name).size() > 1) {
                return false;
            }
        }
        return tokens.check(request.getHeader("X-API-KEY")) instanceof TokenService.Valid valid
                && !valid.caller().isConnectToken();
    }

    /** What Quarkus REST's {@code UriInfo.getBaseUri()} gives for this request; null when it has no authority. */
    private String baseUri(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return null;
        }
        String hostAndPort = authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host();
        String key = request.scheme() + "|" + hostAndPort;
        String base = baseUris.get(key);
        if (base == null) {
            try {
                base = new URI(request.scheme(), hostAndPort, "/", null, null).toString();
            } catch (URISyntaxException e) {
                return null;
            }
            // Clients use a handful of host names; a flood of made-up Host headers is not worth remembering.
            if (baseUris.size() < 64) {
                baseUris.put(key, base);
            }
        }
        return base;
    }

    private static void answer(RoutingContext ctx, CompletableFuture<Buffer> page) {
        if (page.isDone() && !page.isCompletedExceptionally()) {
            write(ctx, page.join());
            return;
        }
        Context context = Vertx.currentContext();
        page.whenComplete((body, failure) -> context.runOnContext(v -> {
            if (failure != null) {
                ctx.fail(failure);
            } else {
                write(ctx, body);
            }
        }));
    }

    private static void write(RoutingContext ctx, Buffer body) {
        if (!ctx.response().closed()) {
            ctx.response().putHeader("Content-Type", "application/json").end(body);
        }
    }
}
