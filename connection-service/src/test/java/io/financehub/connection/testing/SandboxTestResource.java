package io.financehub.connection.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs the real pluggy-sandbox as its own process on a free port, as Pluggy stands in production: build it first
 * with {@code mvn -B -pl pluggy-sandbox package -DskipTests}. The app is copied before it starts, so a rebuild of
 * the sandbox meanwhile does not pull files from under it. Its rate-limit window is shortened to 2 s, like the
 * client's in the test profile, so limits are exercised in seconds.
 */
public class SandboxTestResource implements QuarkusTestResourceLifecycleManager {

    /** Base URL of the running sandbox, for tests that drive its control API. */
    public static volatile String baseUrl;

    private Process process;
    private Path copy;

    @Override
    public Map<String, String> start() {
        Path app = Path.of("..", "pluggy-sandbox", "target", "quarkus-app").toAbsolutePath().normalize();
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException("The sandbox is not built: run mvn -B -pl pluggy-sandbox package -DskipTests ("
                    + app + " is missing)");
        }
        try {
            copy = Files.createTempDirectory("pluggy-sandbox-");
            copyTree(app, copy);
            int port = freePort();
            Path log = Path.of("target", "pluggy-sandbox.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.http.host=127.0.0.1",
                    "-Dsandbox.public-url=http://127.0.0.1:" + port,
                    // Ids derive from the seed: a fresh one per run keeps them apart from earlier runs' rows.
                    "-Dsandbox.seed=" + new java.security.SecureRandom().nextInt(Integer.MAX_VALUE),
                    "-Dsandbox.rate-limits.window=PT2S",
                    "-Dsandbox.timings.step=PT0.05S",
                    "-Dsandbox.timings.user-input-timeout=PT30S",
                    "-Dsandbox.webhooks.max-attempts=1",
                    "-Dsandbox.webhooks.timeout=PT1S",
                    "-jar", copy.resolve("quarkus-run.jar").toString());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            baseUrl = "http://127.0.0.1:" + port;
            awaitReady(baseUrl, log);
            return Map.of(
                    "pluggy.base-url", baseUrl,
                    "pluggy.webhook-url", "http://127.0.0.1:9/api/banking/webhooks/pluggy/",
                    "pluggy.redis-prefix", "pluggy-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        if (copy != null) {
            try (Stream<Path> paths = Files.walk(copy)) {
                paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary directory is harmless
            }
        }
    }

    private void awaitReady(String url, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The sandbox exited at start; see " + log);
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The sandbox did not become ready within 90 s; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
