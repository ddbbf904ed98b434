package io.financehub.gateway.proxy;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.gateway.config.GatewayConfig;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Where each service lives (CONNECTION_SERVICE_URL, WEBHOOK_SERVICE_URL, SYNC_SERVICE_URL, LEDGER_SERVICE_URL), the
 * pooled HTTP clients that reach them, and a circuit breaker per service: after a few connection failures or
 * timeouts in a row the breaker opens and the gateway answers 503 at once instead of queueing callers behind a dead
 * service; after breaker-reset one trial request decides whether it closes again.
 * <p>
 * One client (and so one keep-alive pool) per event loop: a Vert.x pool hands out any idle connection, whichever event
 * loop it lives on, and a request on loop A over a connection of loop B has its writes queued to B and its response
 * handed back to A, two thread wake-ups per request. With a pool per loop, the request, its downstream connection and
 * the response stay on the thread that accepted the client's connection.
 */
@ApplicationScoped
public class Downstreams {

    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final PoolOptions poolOptions;
    /** Event-loop thread → its client; plus one for calls from elsewhere (none on the request path). */
    private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();
    private final HttpClient offLoopClient;
    private final Map<Service, Target> targets = new EnumMap<>(Service.class);
    private final Map<Service, CircuitBreaker> breakers = new EnumMap<>(Service.class);
    private final long responseTimeoutMillis;

    Downstreams(Vertx vertx, GatewayConfig config) {
        GatewayConfig.Downstream downstream = config.downstream();
        this.responseTimeoutMillis = downstream.responseTimeout().toMillis();
        this.vertx = vertx;
        this.clientOptions = new HttpClientOptions()
                .setConnectTimeout((int) downstream.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setDecompressionSupported(false);
        this.poolOptions = new PoolOptions().setHttp1MaxSize(downstream.poolSize());
        this.offLoopClient = vertx.createHttpClient(clientOptions, poolOptions);
        targets.put(Service.CONNECTION, Target.of(downstream.connectionServiceUrl()));
        targets.put(Service.WEBHOOK, Target.of(downstream.webhookServiceUrl()));
        targets.put(Service.SYNC, Target.of(downstream.syncServiceUrl()));
        targets.put(Service.LEDGER, Target.of(downstream.ledgerServiceUrl()));
        for (Service service : Service.values()) {
            breakers.put(service, CircuitBreaker.create("gateway-" + service.serviceName(), vertx,
                    new CircuitBreakerOptions()
                            .setMaxFailures(downstream.breakerFailures())
                            .setResetTimeout(downstream.breakerReset().toMillis())
                            // The HTTP client's own timeouts end a call; the breaker only counts the outcome.
                            .setTimeout(-1)
                            .setFallbackOnFailure(false)
                            // No event-bus statistics (an HdrHistogram update per call); the state is all we use.
                            .setNotificationAddress(null)));
        }
    }

    /** The client of the calling event loop, whose connections live on that loop. */
    public HttpClient client() {
        if (!Context.isOnEventLoopThread()) {
            return offLoopClient;
        }
        return clients.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(clientOptions, poolOptions));
    }

    public CircuitBreaker breaker(Service service) {
        return breakers.get(service);
    }

    /** A request to {@code service} for {@code pathAndQuery} (already starting with '/'), with the gateway's timeouts. */
    public RequestOptions request(Service service, String pathAndQuery) {
        Target target = targets.get(service);
        return new RequestOptions()
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.ssl())
                .setURI(target.basePath() + pathAndQuery)
                .setIdleTimeout(responseTimeoutMillis);
    }

    @PreDestroy
    void close() {
        breakers.values().forEach(CircuitBreaker::close);
        clients.values().forEach(HttpClient::close);
        offLoopClient.close();
    }

    record Target(String host, int port, boolean ssl, String basePath) {

        static Target of(String url) {
            URI uri = URI.create(url);
            boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
            if (uri.getHost() == null || !(ssl || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalStateException("A downstream URL must be http(s)://host[:port][/base], got: " + url);
            }
            int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return new Target(uri.getHost(), port, ssl, path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        }
    }
}
