package io.financehub.sync.testing;

import static io.financehub.support.testing.SandboxProcess.freePort;
import static io.financehub.support.testing.SandboxProcess.javaBin;
import static io.financehub.support.testing.SandboxProcess.pause;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import io.financehub.support.testing.JwtTestResource;

/**
 * The packaged sync-service (target/quarkus-app, built by {@code package}) as a process of its own, on the test
 * database, consuming in the given group, trusting the test tokens. For what a @QuarkusTest cannot do: kill -9, and
 * measuring the service alone.
 */
public record ServiceProcess(Process process, String baseUrl) {

    public static ServiceProcess start(String group, String pluggyUrl, String name, String... options) {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        Assumptions.assumeTrue(Files.exists(jar), "the packaged service is needed (mvn package): " + jar);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx256m",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-Dfinancehub.db.suffix=_test",
                "-Dpluggy.base-url=" + pluggyUrl, "-Dpluggy.rate-limit.enabled=false",
                "-Dmp.messaging.incoming.sync-requests.group.id=" + group,
                // Killed consumers must leave the group quickly for another process to get their partitions.
                "-Dmp.messaging.incoming.sync-requests.session.timeout.ms=6000",
                "-Dmp.messaging.incoming.sync-requests.heartbeat.interval.ms=1000"));
        command.addAll(List.of(options));
        for (Map.Entry<String, String> jwt : new JwtTestResource().start().entrySet()) {
            command.add("-D" + jwt.getKey() + "=" + jwt.getValue());
        }
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Path.of("target", name + ".log").toFile()).start();
            ServiceProcess service = new ServiceProcess(process, "http://127.0.0.1:" + port);
            service.awaitReady();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sync-service exited with " + process.exitValue());
            }
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).GET()
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
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
        kill();
        throw new IllegalStateException("sync-service at " + baseUrl + " was not ready in time");
    }

    /** SIGTERM, as Kubernetes stops a pod: a graceful shutdown. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** SIGKILL: no shutdown hook, no offset commit, no goodbye to the group. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
