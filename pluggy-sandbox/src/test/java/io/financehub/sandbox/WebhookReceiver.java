package io.financehub.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/** A tiny webhook receiver on a loopback port, answering with a status chosen per call number. */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: raw body and headers (lower-cased names). */
    public record Received(String path, byte[] body, Map<String, String> headers, long receivedAtMillis) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile IntUnaryOperator statusForCall = n -> 200;
    private volatile long delayMillis;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            int n = calls.incrementAndGet();
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
                received.add(new Received(exchange.getRequestURI().getPath(), body, headers,
                        System.currentTimeMillis()));
            }
            if (delayMillis > 0) {
                Sandbox.sleep(delayMillis);
            }
            int status = statusForCall.applyAsInt(n);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void answer(IntUnaryOperator statusForCall) {
        this.statusForCall = statusForCall;
    }

    public void delay(long millis) {
        this.delayMillis = millis;
    }

    public int calls() {
        return calls.get();
    }

    public List<Received> all() {
        return new ArrayList<>(received);
    }

    public List<Received> await(Predicate<Received> match, int atLeast, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> hits = all().stream().filter(match).toList();
            if (hits.size() >= atLeast) {
                return hits;
            }
            Sandbox.sleep(20);
        }
        throw new AssertionError("expected " + atLeast + " matching deliveries, got " + all().stream().map(
                Received::text).toList());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
