package io.financehub.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * The four services behind the gateway, as tiny Vert.x servers on loopback ports: each answers with its name, the
 * method, path, query and headers it received and the SHA-256 of the body. A request may ask for a delay
 * (X-Stub-Delay-Ms) or a status with a Problem body (X-Stub-Status). GET /q/openapi answers a small document.
 * Init arg {@code dead=<service-name>} points that service's URL at a port where nothing listens.
 */
public class StubDownstreams implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, String> URL_KEYS = Map.of(
            "connection-service", "gateway.downstream.connection-service-url",
            "webhook-service", "gateway.downstream.webhook-service-url",
            "sync-service", "gateway.downstream.sync-service-url",
            "ledger-service", "gateway.downstream.ledger-service-url");

    private Vertx vertx;
    private String dead;

    @Override
    public void init(Map<String, String> initArgs) {
        dead = initArgs.get("dead");
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        URL_KEYS.forEach((service, key) -> {
            int port = service.equals(dead) ? freePort() : listen(service).actualPort();
            config.put(key, "http://127.0.0.1:" + port);
        });
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private HttpServer listen(String service) {
        return vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    long delay = parse(request.getHeader("X-Stub-Delay-Ms"), 0);
                    Runnable answer = () -> answer(service, request, body.getBytes());
                    if (delay > 0) {
                        vertx.setTimer(delay, id -> answer.run());
                    } else {
                        answer.run();
                    }
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static void answer(String service, HttpServerRequest request, byte[] body) {
        if (request.path().equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/yaml")
                    .end("openapi: 3.0.3\ninfo:\n  title: " + service + "\n  version: test\n");
            return;
        }
        int status = (int) parse(request.getHeader("X-Stub-Status"), 200);
        if (status != 200) {
            request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                    .putHeader("X-Stub-Service", service)
                    .end(new JsonObject().put("type", "about:blank").put("title", "Conflict").put("status", status)
                            .put("code", "stub_problem").put("detail", "from " + service).encode());
            return;
        }
        JsonObject headers = new JsonObject();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        request.response().putHeader("Content-Type", "application/json")
                .putHeader("X-Stub-Service", service)
                .end(new JsonObject()
                        .put("service", service)
                        .put("method", request.method().name())
                        .put("path", request.path())
                        .put("query", request.query())
                        .put("headers", headers)
                        .put("body_sha256", sha256(body))
                        .put("body_length", body.length)
                        .encode());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long parse(String value, long fallback) {
        return value == null ? fallback : Long.parseLong(value);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
