package io.financehub.gateway.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.financehub.gateway.config.GatewayConfig;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
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

    // Names and fixed values of the answer's headers, encoded once: set on every answer, written as they are.
    private static final CharSequence REQUEST_ID_HEADER = HttpHeaders.createOptimized(REQUEST_ID);
    private static final CharSequence CSP = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence FRAME_OPTIONS = HttpHeaders.createOptimized("X-Frame-Options");
    private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
    private static final CharSequence REFERRER_POLICY = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence NO_REFERRER = HttpHeaders.createOptimized("no-referrer");
    private static final CharSequence HSTS = HttpHeaders.createOptimized("Strict-Transport-Security");
    private static final CharSequence HSTS_VALUE = HttpHeaders.createOptimized("max-age=31536000; includeSubDomains");

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private final CharSequence apiPolicy = HttpHeaders.createOptimized("default-src 'none'; frame-ancestors 'none'");
    /** Quarkus' Swagger UI page configures itself with an inline script. */
    private final CharSequence swaggerPolicy = HttpHeaders.createOptimized(
            "default-src 'self'; script-src 'self' 'unsafe-inline'; "
                    + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
    private final CharSequence spaPolicy;
    private final boolean hsts;

    EdgeFilters(GatewayConfig config) {
        String connect = origin(config.headers().pluggyConnectUrl());
        // The SPA frames Pluggy Connect (pluggy-connect-sdk opens it in an iframe); nothing else comes from elsewhere.
        this.spaPolicy = HttpHeaders.createOptimized("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: https:; font-src 'self' data:; connect-src 'self'; "
                + "frame-src " + connect + "; child-src " + connect + "; "
                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'");
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
        String id = requestId;
        CharSequence policy = policyFor(ctx.normalizedPath());
        ctx.addHeadersEndHandler(nothing -> {
            MultiMap out = ctx.response().headers();
            out.set(REQUEST_ID_HEADER, id);
            out.set(CSP, policy);
            out.set(CONTENT_TYPE_OPTIONS, NOSNIFF);
            out.set(FRAME_OPTIONS, DENY);
            out.set(REFERRER_POLICY, NO_REFERRER);
            if (hsts) {
                out.set(HSTS, HSTS_VALUE);
            }
        });
        ctx.next();
    }

    private CharSequence policyFor(String path) {
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
        byte[] traceparent = new byte[55];
        traceparent[0] = '0';
        traceparent[1] = '0';
        traceparent[2] = '-';
        hex(traceparent, 3, random.nextLong());
        hex(traceparent, 19, random.nextLong() | 1L);
        traceparent[35] = '-';
        hex(traceparent, 36, random.nextLong() | 1L);
        traceparent[52] = '-';
        traceparent[53] = '0';
        traceparent[54] = '1';
        return new String(traceparent, StandardCharsets.US_ASCII);
    }

    /** The 16 lower-case hex digits of {@code value}, zero-padded, at {@code at}. */
    private static void hex(byte[] out, int at, long value) {
        for (int i = 15; i >= 0; i--) {
            out[at + i] = HEX_DIGITS[(int) (value & 0xF)];
            value >>>= 4;
        }
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalStateException("PLUGGY_CONNECT_URL must be an absolute URL, got: " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
