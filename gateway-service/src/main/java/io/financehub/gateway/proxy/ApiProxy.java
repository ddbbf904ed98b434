package io.financehub.gateway.proxy;

import java.net.ConnectException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.gateway.config.GatewayConfig;
import io.financehub.gateway.http.ProblemResponses;
import io.financehub.gateway.security.VerifiedTokens;
import io.financehub.gateway.security.VerifiedTokens.VerifiedToken;
import io.financehub.gateway.service.CompanyRateLimit;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.ProxyRequest;

/**
 * The front door of /api/banking/** and of the services' OpenAPI documents. For an API path it finds the owning
 * service ({@link RouteTable}), checks the bearer token ({@link VerifiedTokens}: SmallRye JWT, remembered per token
 * until its exp; not on the public webhook path), counts the request against the company's rate limit
 * ({@link CompanyRateLimit}: shared in Redis, never waited for), and streams request and response through Vert.x's
 * HTTP proxy: status, headers and bodies (Problem JSON included) pass unchanged, and the Authorization header goes
 * along so the service verifies the token again. A service that refuses connections or does not answer in time gets
 * a quick 503 or 504 Problem JSON, never a hanging client. Paths outside /api/banking and /openapi are left to the
 * rest of the router (the SPA).
 * <p>
 * Its routes run after Quarkus' CORS handler and before Quarkus' authentication and HTTP permission handlers, which
 * these paths do not use (the token check above is the gateway's own): a proxied request does not build a deferred
 * security identity nobody reads. quarkus.http.auth.permission.* therefore does not apply to /api/banking/** and
 * /openapi/*. Quarkus' body-size limit, which runs after authentication, is checked here for them instead.
 */
@ApplicationScoped
public class ApiProxy {

    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    /**
     * Between Quarkus' CORS handler (order -300, SecurityHandlerPriorities.CORS negated) and its authentication
     * handler (-200); EdgeFilters (-1000) runs before both.
     */
    static final int ROUTE_ORDER = -250;

    private final Downstreams downstreams;
    private final VerifiedTokens tokens;
    private final CompanyRateLimit companyLimit;
    private final ObjectMapper json;
    private final boolean limitEnabled;
    private final String breakerRetryAfter;
    private final long maxBodySize;

    ApiProxy(Downstreams downstreams, VerifiedTokens tokens, CompanyRateLimit companyLimit, ObjectMapper json,
            GatewayConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.downstreams = downstreams;
        this.tokens = tokens;
        this.companyLimit = companyLimit;
        this.json = json;
        this.limitEnabled = config.rateLimit().enabled();
        this.breakerRetryAfter = Long.toString(Math.max(1, config.downstream().breakerReset().toSeconds()));
        this.maxBodySize = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void install(@Observes Router router) {
        router.route(RouteTable.API_PREFIX + "*").order(ROUTE_ORDER).handler(this::api);
        router.route("/api/banking").order(ROUTE_ORDER).handler(this::api);
        router.get("/openapi/:service").order(ROUTE_ORDER).handler(this::openApi);
    }

    private void api(RoutingContext ctx) {
        ctx.request().pause();
        if (tooLarge(ctx)) {
            return;
        }
        String path = ctx.normalizedPath();
        Optional<RouteTable.Route> found = RouteTable.route(path);
        if (found.isEmpty()) {
            ProblemResponses.send(ctx, json, 404, "not_found", "Not Found", "No service serves " + path, Map.of());
            return;
        }
        RouteTable.Route route = found.get();
        measureAs(route.template());
        if (route.isPublic()) {
            forward(ctx, route.service(), pathAndQuery(ctx));
            return;
        }
        VerifiedToken token = verify(ctx.request());
        if (token == null) {
            ProblemResponses.send(ctx, json, 401, "unauthorized", "Unauthorized", "A valid bearer token is required",
                    Map.of("WWW-Authenticate", "Bearer"));
            return;
        }
        String company = token.companyId();
        if (limitEnabled && company != null) {
            long retryAfter = companyLimit.admit(company);
            if (retryAfter > 0) {
                ProblemResponses.send(ctx, json, 429, "rate_limited", "Too Many Requests",
                        "The company's request rate limit is reached",
                        Map.of(HttpHeaders.RETRY_AFTER.toString(), Long.toString(retryAfter)));
                return;
            }
        }
        forward(ctx, route.service(), pathAndQuery(ctx));
    }

    /**
     * The uri tag of this request's HTTP server metrics: the route's template instead of the path, which carries ids
     * (one series per account, item, transaction...). Quarkus' metrics read it from this request-context local, which
     * RESTEasy fills for JAX-RS resources the same way.
     */
    private static void measureAs(String template) {
        Context request = Vertx.currentContext();
        if (request != null) {
            request.putLocal(URL_PATH_TEMPLATE, template);
        }
    }

    /**
     * Quarkus' quarkus.http.limits.max-body-size check, as its own handler does it (which runs after authentication, so
     * after these routes): a declared Content-Length over the limit gets 413 and the connection is closed.
     */
    private boolean tooLarge(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || maxBodySize == Long.MAX_VALUE) {
            return false;
        }
        try {
            if (Long.parseLong(length.trim()) <= maxBodySize) {
                return false;
            }
        } catch (NumberFormatException malformed) {
            return false; // Netty's decoder refuses such a request before it gets here
        }
        ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE).setStatusCode(413)
                .endHandler(ended -> ctx.request().connection().close());
        ctx.response().end();
        return true;
    }

    /** GET /openapi/{service} → the service's /q/openapi, for the suite's one Swagger UI. */
    private void openApi(RoutingContext ctx) {
        ctx.request().pause();
        Service service = Service.byName(ctx.pathParam("service"));
        measureAs("/openapi/{service}");
        if (service == null) {
            ProblemResponses.send(ctx, json, 404, "not_found", "Not Found", "No such service", Map.of());
            return;
        }
        String query = ctx.request().query();
        forward(ctx, service, "/q/openapi" + (query == null ? "" : "?" + query));
    }

    private VerifiedToken verify(HttpServerRequest request) {
        return tokens.verifyBearer(request.getHeader(HttpHeaders.AUTHORIZATION)).orElse(null);
    }

    private void forward(RoutingContext ctx, Service service, String pathAndQuery) {
        HttpServerRequest request = ctx.request();
        RequestOptions target = downstreams.request(service, pathAndQuery);
        ProxyRequest proxyRequest = ProxyRequest.reverseProxy(request);
        proxyRequest.setURI(target.getURI());
        // X-Request-Id and traceparent (EdgeFilters) are among the client's headers the proxy request copied.
        proxyRequest.headers()
                .set("X-Forwarded-For", request.remoteAddress() == null ? "unknown" : request.remoteAddress().host())
                .set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme())
                .set("X-Forwarded-Host", request.authority() == null ? "" : request.authority().toString());
        // The answer is streamed back the moment its head arrives, inside the breaker's operation: the breaker hands
        // outcomes over through tasks on the event loop, and the response must not wait for them (nor be reset by a
        // client that leaves meanwhile). The breaker only learns whether the service answered.
        downstreams.breaker(service).<Void>execute(promise -> downstreams.client()
                .request(target)
                .compose(proxyRequest::send)
                .onSuccess(response -> {
                    promise.complete();
                    response.send().onFailure(e -> Log.debugf("Client left during the response from %s: %s",
                            service.serviceName(), e.toString()));
                })
                .onFailure(failure -> {
                    if (request.response().closed()) {
                        // The client hung up and the proxy cancelled the call: nothing the service did, nobody to
                        // answer. Counted as a failure, a few clients leaving at once would open the breaker for all.
                        Log.debugf("Client left before %s answered: %s", service.serviceName(), failure.toString());
                        promise.complete();
                    } else {
                        promise.fail(failure);
                    }
                }))
                .onFailure(failure -> {
                    proxyRequest.release();
                    unavailable(ctx, service, failure);
                });
    }

    private void unavailable(RoutingContext ctx, Service service, Throwable failure) {
        String name = service.serviceName();
        if (failure instanceof OpenCircuitException) {
            ProblemResponses.send(ctx, json, 503, "service_unavailable", "Service Unavailable",
                    name + " is unavailable", Map.of(HttpHeaders.RETRY_AFTER.toString(), breakerRetryAfter));
        } else if (failure instanceof TimeoutException) {
            Log.warnf("%s did not answer in time: %s %s", name, ctx.request().method(), ctx.normalizedPath());
            ProblemResponses.send(ctx, json, 504, "gateway_timeout", "Gateway Timeout",
                    name + " did not answer in time", Map.of());
        } else if (failure instanceof ConnectException) {
            Log.warnf("%s refused the connection: %s", name, failure.getMessage());
            ProblemResponses.send(ctx, json, 503, "service_unavailable", "Service Unavailable",
                    name + " is unavailable", Map.of(HttpHeaders.RETRY_AFTER.toString(), breakerRetryAfter));
        } else {
            Log.warnf("%s failed before answering: %s", name, failure.toString());
            ProblemResponses.send(ctx, json, 502, "bad_gateway", "Bad Gateway", name + " failed to answer", Map.of());
        }
    }

    /** The normalised path (dot segments resolved, as matched) and the raw query. */
    private static String pathAndQuery(RoutingContext ctx) {
        String query = ctx.request().query();
        return ctx.normalizedPath() + (query == null ? "" : "?" + query);
    }
}
