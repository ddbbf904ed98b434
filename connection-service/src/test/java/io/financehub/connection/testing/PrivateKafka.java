package io.financehub.connection.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A second, private single-node Kafka broker (the same Apache Kafka jars as deploy/local's), which a test may stop and
 * start again: the shared broker other modules test against is never touched. The service's outgoing channels are
 * pointed at it; its consumers stay on the shared broker.
 */
public class PrivateKafka implements QuarkusTestResourceLifecycleManager {

    private static volatile PrivateKafka running;

    private Path home;
    private Path properties;
    private int port;
    private Process process;

    public static PrivateKafka get() {
        return running;
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    @Override
    public Map<String, String> start() {
        Path lib = Path.of("..", "deploy", "local", "kafka", "lib").toAbsolutePath().normalize();
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("Kafka's jars are missing at " + lib + ": run deploy/local/infra once");
        }
        try {
            home = Files.createTempDirectory("private-kafka-");
            port = freePort();
            int controller = freePort();
            properties = home.resolve("server.properties");
            Files.writeString(properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controller,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "log.dirs=" + home.resolve("data"),
                    "num.partitions=1",
                    "auto.create.topics.enable=true",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0", ""));
            Process format = new ProcessBuilder(java(), "-cp", lib + "/*", "kafka.tools.StorageTool", "format",
                    "-t", UUID.randomUUID().toString().replace("-", "").substring(0, 22), "-c", properties.toString())
                    .redirectErrorStream(true).redirectOutput(home.resolve("format.log").toFile()).start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("Formatting the private Kafka failed: " + home.resolve("format.log"));
            }
            startBroker();
            running = this;
            return Map.of(
                    "mp.messaging.outgoing.sync-requests-out.bootstrap.servers", bootstrap(),
                    "mp.messaging.outgoing.accounts-out.bootstrap.servers", bootstrap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kafka goes down: the broker process is killed outright. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kafka comes back, same port, same data. */
    public void startBroker() {
        Path lib = Path.of("..", "deploy", "local", "kafka", "lib").toAbsolutePath().normalize();
        try {
            List<String> command = new ArrayList<>(List.of(java(), "-Xms128m", "-Xmx384m", "-XX:TieredStopAtLevel=1",
                    "-Dkafka.logs.dir=" + home, "-cp", lib + "/*", "kafka.Kafka", properties.toString()));
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("broker.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The private Kafka exited: " + home.resolve("broker.log"));
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("The private Kafka did not listen within 90 s: " + home.resolve("broker.log"));
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        running = null;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
