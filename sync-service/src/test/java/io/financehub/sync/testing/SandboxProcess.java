package io.financehub.sync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared {@link io.financehub.support.testing.SandboxProcess} with rate limits off (a sync benchmark or a
 * 100,000-transaction history would otherwise wait on them) and small helpers for its control API.
 */
public final class SandboxProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final io.financehub.support.testing.SandboxProcess process;

    private SandboxProcess(io.financehub.support.testing.SandboxProcess process) {
        this.process = process;
    }

    /** Starts a sandbox; {@code settings} are extra JVM options (e.g. shorter execution steps). */
    public static SandboxProcess start(String... settings) {
        List<String> options = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC"));
        options.addAll(List.of(settings));
        SandboxProcess sandbox = new SandboxProcess(
                io.financehub.support.testing.SandboxProcess.start(options.toArray(String[]::new)));
        sandbox.post("/sandbox/settings", "{\"rateLimitsEnabled\":false}");
        return sandbox;
    }

    public String baseUrl() {
        return process.baseUrl();
    }

    /** POSTs JSON to the sandbox and returns the body; fails on a non-2xx answer. */
    public String post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    public String delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).DELETE());
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
