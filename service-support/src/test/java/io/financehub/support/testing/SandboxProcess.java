package io.financehub.support.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The real pluggy-sandbox in a process of its own, as Pluggy stands in production: a free loopback port and a
 * random seed, so its item and account ids are its own (sandboxes on the default seed generate the same ids).
 * Build it first with {@code mvn -B -pl pluggy-sandbox package -DskipTests}; the reactor build does so before
 * the services' tests.
 */
public final class SandboxProcess implements AutoCloseable {

    private static final String JAR = "pluggy-sandbox/target/quarkus-app/quarkus-run.jar";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;

    private SandboxProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static boolean isBuilt() {
        return find(JAR) != null;
    }

    /**
     * Starts a sandbox and waits until it is ready; {@code settings} are extra JVM options ({@code -D…},
     * {@code -Xmx…}), which win over the defaults.
     */
    public static SandboxProcess start(String... settings) {
        Path jar = locate(JAR);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx256m",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dsandbox.public-url=http://127.0.0.1:" + port,
                "-Dsandbox.seed=" + ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE),
                "-Dquarkus.log.level=WARN"));
        command.addAll(List.of(settings));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Path log = Files.createDirectories(Path.of("target")).resolve("pluggy-sandbox-" + port + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            SandboxProcess sandbox = new SandboxProcess(process, port);
            sandbox.awaitReady(Duration.ofSeconds(90), log);
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
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

    private void awaitReady(Duration timeout, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The sandbox exited at start with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(200);
        }
        close();
        throw new IllegalStateException("The sandbox at " + baseUrl() + " was not ready within " + timeout + "; see " + log);
    }

    /** A file of the build, found from the module's folder upwards. */
    public static Path locate(String pathFromRoot) {
        Path found = find(pathFromRoot);
        if (found == null) {
            throw new IllegalStateException(pathFromRoot + " is missing: build it first (mvn -B -pl pluggy-sandbox package -DskipTests)");
        }
        return found;
    }

    private static Path find(String pathFromRoot) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(pathFromRoot);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
