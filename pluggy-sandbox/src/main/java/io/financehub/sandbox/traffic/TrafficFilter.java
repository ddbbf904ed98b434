package io.financehub.sandbox.traffic;

import java.util.Optional;

import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * In front of Pluggy's paths, at the Vert.x level (before Quarkus REST): injected faults first, then Pluggy's rate
 * limits. Working on the router keeps a delayed or held request off every thread: it waits on a timer.
 */
@ApplicationScoped
public class TrafficFilter {

    private static final String TOO_MANY = "{\"message\":\"Too many requests. Please try again later (see Retry-After"
            + " header in seconds)\",\"code\":429}";

    private final FaultRegistry faults;
    private final RateLimiter limiter;
    private final Vertx vertx;

    public TrafficFilter(FaultRegistry faults, RateLimiter limiter, Vertx vertx) {
        this.faults = faults;
        this.limiter = limiter;
        this.vertx = vertx;
    }

    void install(@Observes Router router) {
        router.route().order(-100).handler(this::handle);
    }

    private static boolean isPluggyPath(String path) {
        return !(path.startsWith("/sandbox") || path.startsWith("/q/") || path.equals("/connect")
                || path.startsWith("/connect/"));
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = request.path();
        if (!isPluggyPath(path)) {
            ctx.next();
            return;
        }
        String method = request.method().name();
        Optional<FaultRule> fault = faults.hit(method, path);
        if (fault.isPresent()) {
            FaultRule rule = fault.get();
            switch (rule.kind()) {
                case "LATENCY" -> {
                    request.pause();
                    vertx.setTimer(Math.max(1, rule.latencyMs() == null ? 1000 : rule.latencyMs()), id -> {
                        request.resume();
                        limitThenNext(ctx, method, path);
                    });
                }
                case "RATE_LIMIT" -> {
                    int retryAfter = rule.retryAfterSeconds() == null ? 60 : rule.retryAfterSeconds();
                    ctx.response().setStatusCode(429).putHeader("Content-Type", "application/json")
                            .putHeader("Retry-After", String.valueOf(retryAfter))
                            .putHeader("RateLimit-Limit", "0").putHeader("RateLimit-Remaining", "0")
                            .putHeader("RateLimit-Reset", String.valueOf(retryAfter)).end(TOO_MANY);
                }
                case "ERROR_500" -> error(ctx, 500, "INTERNAL_SERVER_ERROR", "Internal server error");
                case "ERROR_503" -> error(ctx, 503, "SERVICE_UNAVAILABLE",
                        "Service temporarily unavailable, please try again later");
                case "TIMEOUT" -> {
                    request.pause();
                    vertx.setTimer(Math.max(1, rule.latencyMs() == null ? 60_000 : rule.latencyMs()), id -> {
                        if (!ctx.response().ended()) {
                            request.connection().close();
                        }
                    });
                }
                case "DROP_CONNECTION" -> request.connection().close();
                default -> Log.warnf("unknown fault kind %s", rule.kind());
            }
            return;
        }
        limitThenNext(ctx, method, path);
    }

    private void limitThenNext(RoutingContext ctx, String method, String path) {
        String group = limiter.enabled() ? RateLimiter.group(method, path) : null;
        if (group != null) {
            RateLimiter.Decision d = limiter.check(group, ctx.request().remoteAddress().host());
            ctx.response().putHeader("RateLimit-Limit", String.valueOf(d.limit()))
                    .putHeader("RateLimit-Remaining", String.valueOf(d.remaining()))
                    .putHeader("RateLimit-Reset", String.valueOf(d.resetSeconds()));
            if (!d.allowed()) {
                // Pluggy's Retry-After is always 60; RateLimit-Reset says when the window really ends.
                ctx.response().setStatusCode(429).putHeader("Content-Type", "application/json")
                        .putHeader("Retry-After", "60").end(TOO_MANY);
                return;
            }
        }
        ctx.next();
    }

    private static void error(RoutingContext ctx, int status, String codeDescription, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end("{\"code\":" + status + ",\"codeDescription\":\"" + codeDescription + "\",\"message\":\""
                        + message + "\"}");
    }
}
