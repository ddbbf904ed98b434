package io.financehub.gateway.http;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.financehub.gateway.config.GatewayConfig;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What every answer of the front door carries, whoever produced it (a JAX-RS resource, the proxy, Quarkus itself):
 * a request id (the client's X-Request-Id if it is sane, else a new one) also handed to downstream services, a W3C
 * trace context (kept if the client sent one, started here otherwise), and the security headers. Headers are set
 * just before the response head is written, so a downstream cannot drop or weaken them.
 */
@ApplicationScoped
public class EdgeFilters {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    /** RoutingContext key of the request id. */
    public static final String REQUEST_ID_KEY = "financehub.request-id";

    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private final String apiPolicy = "default-src 'none'; frame-ancestors 'none'";
    /** Quarkus' Swagger UI page configures itself with an inline script. */
    private final String swaggerPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";
    private final String spaPolicy;
    private final boolean hsts;

    EdgeFilters(GatewayConfig config) {
        String connect = origin(config.headers().pluggyConnectUrl());
        // The SPA frames Pluggy Connect (pluggy-connect-sdk opens it in an iframe); nothing else comes from elsewhere.
        this.spaPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: https:; font-src 'self' data:; connect-src 'self'; "
                + "frame-src " + connect + "; child-src " + connect + "; "
                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
        this.hsts = config.headers().hsts();
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        MultiMap headers = ctx.request().headers();
        String requestId = headers.get(REQUEST_ID);
        if (requestId == null || !SANE_REQUEST_ID.matcher(requestId).matches()) {
            requestId = newRequestId();
            headers.set(REQUEST_ID, requestId);
        }
        String traceparent = headers.get(TRACEPARENT);
        if (traceparent == null || !TRACEPARENT_FORMAT.matcher(traceparent).matches()) {
            headers.set(TRACEPARENT, newTraceparent());
            headers.remove("tracestate");
        }
        ctx.put(REQUEST_ID_KEY, requestId);
        String id = requestId;
        String policy = policyFor(ctx.normalizedPath());
        ctx.addHeadersEndHandler(nothing -> {
            MultiMap out = ctx.response().headers();
            out.set(REQUEST_ID, id);
            out.set("Content-Security-Policy", policy);
            out.set("X-Content-Type-Options", "nosniff");
            out.set("X-Frame-Options", "DENY");
            out.set("Referrer-Policy", "no-referrer");
            if (hsts) {
                out.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
        });
        ctx.next();
    }

    private String policyFor(String path) {
        if (path.startsWith("/api/") || path.startsWith("/.well-known/") || path.startsWith("/openapi/")
                || (path.startsWith("/q/") && !path.startsWith("/q/swagger-ui"))) {
            return apiPolicy;
        }
        return path.startsWith("/q/swagger-ui") ? swaggerPolicy : spaPolicy;
    }

    /**
     * A random (version 4) UUID. An id that correlates log lines needs to be unique, not unpredictable, so it comes from
     * the thread's generator rather than the shared SecureRandom behind UUID.randomUUID().
     */
    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    /** version 00, a random trace id and parent id (never all zeros), sampled. */
    private static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder traceparent = new StringBuilder(55).append("00-");
        hex(traceparent, random.nextLong());
        hex(traceparent, random.nextLong() | 1L);
        traceparent.append('-');
        hex(traceparent, random.nextLong() | 1L);
        return traceparent.append("-01").toString();
    }

    private static void hex(StringBuilder out, long value) {
        String digits = Long.toHexString(value);
        for (int i = digits.length(); i < 16; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalStateException("PLUGGY_CONNECT_URL must be an absolute URL, got: " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
