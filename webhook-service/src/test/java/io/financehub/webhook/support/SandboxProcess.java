package io.financehub.webhook.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The Pluggy sandbox, run from its packaged jar as its own process on a free loopback port, with a random seed (its
 * eventIds and item ids derive from the seed: a fixed one would repeat ids stored by an earlier run) and this
 * suite's signing key.
 */
public final class SandboxProcess implements AutoCloseable {

    public static final Path JAR = Path.of("..", "pluggy-sandbox", "target", "quarkus-app", "quarkus-run.jar");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;

    private SandboxProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static boolean isBuilt() {
        return Files.isRegularFile(JAR);
    }

    public static SandboxProcess start(String webhookSecret) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dsandbox.seed=" + new Random().nextInt(1_000_000_000),
                "-Dsandbox.webhook-secret=" + webhookSecret,
                "-Dsandbox.public-url=http://127.0.0.1:" + port,
                "-Dsandbox.timings.step=PT0.05S",
                "-Dquarkus.log.level=WARN",
                "-jar", JAR.toAbsolutePath().toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        SandboxProcess sandbox = new SandboxProcess(process, port);
        sandbox.awaitReady(Duration.ofSeconds(90));
        return sandbox;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The sandbox exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> ready = HTTP.send(
                        HttpRequest.newBuilder(URI.create(baseUri() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // connection refused until the sandbox listens
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("The sandbox did not become ready within " + timeout);
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** A request authenticated with a fresh API key, as a Pluggy client. */
    public RequestSpecification client() {
        String apiKey = given().baseUri(baseUri()).contentType(ContentType.JSON)
                .body(Map.of("clientId", "sandbox-client-id", "clientSecret", "sandbox-client-secret"))
                .post("/auth").then().statusCode(200).extract().path("apiKey");
        return given().baseUri(baseUri()).header("X-API-KEY", apiKey).contentType(ContentType.JSON);
    }

    public RequestSpecification control() {
        return given().baseUri(baseUri()).contentType(ContentType.JSON);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
