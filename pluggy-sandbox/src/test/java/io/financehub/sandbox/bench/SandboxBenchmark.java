package io.financehub.sandbox.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * Loopback benchmark of a running sandbox's webhooks (JDK only, no dependency): 100 executions, each firing four
 * events to a local receiver, timed from the request to the last event received. Pages are measured by
 * {@code src/test/bench/pages.sh} with wrk: a JDK client with 50 threads on the same two cores measures itself more
 * than the sandbox. Usage:
 *
 * <pre>
 * java -jar pluggy-sandbox/target/quarkus-app/quarkus-run.jar &amp;
 * java -cp pluggy-sandbox/target/test-classes io.financehub.sandbox.bench.SandboxBenchmark [baseUrl]
 * </pre>
 */
public final class SandboxBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(2, SandboxBenchmark::daemon)).build();

    private SandboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8090";
        post(base + "/sandbox/reset", "{}");
        post(base + "/sandbox/settings", "{\"rateLimitsEnabled\":false}");
        webhookLatency(base);
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println(what + ": no samples");
            return;
        }
        System.out.printf("%s: %d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.size(),
                pct(sorted, 50), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double pct(List<Long> sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    /** Runs executions of an item whose webhookUrl is a local receiver; latency from event to receipt. */
    private static void webhookLatency(String base) throws Exception {
        ConcurrentHashMap<String, Long> receivedAt = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, SandboxBenchmark::daemon));
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes());
                receivedAt.put(field(body, "eventId"), System.nanoTime());
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        String hook = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        String scenario = post(base + "/sandbox/scenarios", "{\"connectorId\":0,\"transactionCount\":1000,"
                + "\"webhookUrl\":\"" + hook + "\",\"accounts\":[{\"type\":\"BANK\"}]}");
        String itemId = firstAfter(scenario, "\"item\":{\"id\":\"");
        List<Long> latencies = new ArrayList<>();
        int executions = 100;
        for (int i = 0; i < executions; i++) {
            long t0 = System.nanoTime();
            post(base + "/sandbox/items/" + itemId + "/executions", "{\"add\":3,\"change\":1,\"reId\":1,\"delete\":1}");
            // Each execution fires item/updated and transactions/created|updated|deleted: wait for all four.
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (receivedAt.size() < (i + 1) * 4 + 1 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            long newest = receivedAt.values().stream().mapToLong(Long::longValue).max().orElse(t0);
            latencies.add(newest - t0);
        }
        server.stop(0);
        report("webhook delivery, execution request to last of its 4 events received (" + executions
                + " executions)", latencies);
        String log = get(base + "/sandbox/webhooks/deliveries?itemId=" + itemId);
        Matcher m = Pattern.compile("\"latencyMs\":(\\d+)").matcher(log);
        List<Long> sandboxSide = new ArrayList<>();
        while (m.find()) {
            sandboxSide.add(Long.parseLong(m.group(1)) * 1_000_000);
        }
        report("webhook delivery, event to 2xx as logged by the sandbox (" + sandboxSide.size() + " deliveries)",
                sandboxSide);
    }

    private static String post(String url, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String firstAfter(String json, String prefix) {
        int at = json.indexOf(prefix);
        if (at < 0) {
            throw new IllegalStateException("no " + prefix + " in " + json);
        }
        int from = at + prefix.length();
        return json.substring(from, json.indexOf('"', from));
    }

    /** Daemon threads, so the JVM ends with main. */
    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    }
}
