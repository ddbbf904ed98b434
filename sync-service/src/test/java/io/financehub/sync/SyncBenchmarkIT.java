package io.financehub.sync;

import static io.financehub.support.testing.SandboxProcess.pause;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.Topics;
import io.financehub.contracts.events.SyncRequested;
import io.financehub.sync.testing.Broker;
import io.financehub.sync.testing.Runs;
import io.financehub.sync.testing.SandboxApi;
import io.financehub.sync.testing.SandboxApi.Scenario;
import io.financehub.sync.testing.SandboxProcess;
import io.financehub.sync.testing.ServiceProcess;
import io.financehub.sync.testing.TestDatabase;
import io.restassured.path.json.JsonPath;

/**
 * One item with 1,000,000 transactions synced from a sandbox into banking.transactions by the packaged service
 * running with a 256 MiB heap cap, on loopback. Prints transactions per second, the heap in use (sampled from the
 * service's metrics) and, measured in the same run, how fast the sandbox alone serves the same kind of pages, so the
 * ratio holds on a noisy machine. Opt-in (it takes minutes):
 *
 * <pre>
 * mvn -B -pl sync-service verify -Dbenchmark=true -Dit.test=SyncBenchmarkIT -Dsurefire.skip=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class SyncBenchmarkIT {

    private static final int COUNT = Integer.getInteger("benchmark.transactions", 1_000_000);
    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)");
    private static final Pattern LIVE = Pattern.compile("jvm_gc_live_data_size_bytes(?:\\{[^}]*})? ([0-9.E+]+)");

    @Test
    void syncsAMillionTransactionsWithAFlatHeap() throws Exception {
        String group = "sync-bench-" + UUID.randomUUID();
        Broker.skipToEnd(group);
        try (SandboxProcess sandboxProcess = SandboxProcess.start()) {
            SandboxApi sandbox = new SandboxApi(sandboxProcess);
            UUID company = UUID.randomUUID();
            Scenario item = sandbox.scenario(company, COUNT, "BANK");
            double sourceRate = sandboxAlone(sandbox, company);

            String jvm = System.getProperty("benchmark.jvm", "");
            ServiceProcess service = ServiceProcess.start(group, sandboxProcess.baseUrl(), "benchmark",
                    jvm.isBlank() ? new String[0] : jvm.split(" "));
            AtomicLong maxHeap = new AtomicLong();
            AtomicLong maxLive = new AtomicLong();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    try {
                        String metrics = service.get("/q/metrics");
                        maxHeap.accumulateAndGet(sum(HEAP, metrics), Math::max);
                        maxLive.accumulateAndGet(sum(LIVE, metrics), Math::max);
                    } catch (java.io.UncheckedIOException slowAnswer) {
                        // a scrape that times out on a saturated machine is skipped, not fatal
                    }
                    pause(1000);
                }
            });
            long baselineHeap = sum(HEAP, service.get("/q/metrics"));
            try (KafkaConsumer<String, byte[]> topic = tail(Topics.TRANSACTIONS)) {
                sampler.start();
                Duration cpuBefore = cpu(service);
                long start = System.nanoTime();
                EventEnvelope<SyncRequested> request = Broker.requestSync(company, item.itemId());
                long batches = 0;
                long bytes = 0;
                long deadline = start + Duration.ofMinutes(15).toNanos();
                long expected = (COUNT + 499) / 500;
                while (batches < expected && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> r : topic.poll(Duration.ofMillis(200))) {
                        if (item.accountId().equals(r.key())) {
                            batches++;
                            bytes += r.value().length;
                        }
                    }
                }
                double wall = (System.nanoTime() - start) / 1e9;
                JsonPath run = Runs.awaitFinal(service.baseUrl(), company, request.id(), Duration.ofMinutes(2));
                double cpuSeconds = cpu(service).minus(cpuBefore).toMillis() / 1000.0;
                sampling.set(false);
                sampler.join();
                assertEquals("succeeded", run.getString("status"));
                assertEquals(COUNT, run.getLong("transactions_seen"));
                assertEquals(expected, batches);
                double runSeconds = Duration.between(Instant.parse(run.getString("started_at")),
                        Instant.parse(run.getString("finished_at"))).toMillis() / 1000.0;
                String report = String.format(Locale.ROOT, """
                        sync-service benchmark (%s, %d cores)
                          transactions           %,d in %,d batches (%,.0f bytes per batch on the topic, lz4 aside)
                          run (started→finished) %.1f s = %,.0f tx/s
                          wall (request→last batch seen downstream) %.1f s = %,.0f tx/s
                          sandbox alone, same pages read back to back: %,.0f tx/s (sync = %.0f%% of it)
                          service CPU during the sync: %.1f s = %.1f µs per transaction (user + system, all threads)
                          service heap: %,.0f MiB before; during the sync at most %,.0f MiB in use, at most %,.0f MiB live after GC (cap -Xmx256m)
                          target 20,000 tx/s: %s
                        """, Instant.now(), Runtime.getRuntime().availableProcessors(), COUNT, batches,
                        (double) bytes / batches, runSeconds, COUNT / runSeconds, wall, COUNT / wall, sourceRate,
                        100 * (COUNT / runSeconds) / sourceRate, cpuSeconds, cpuSeconds * 1e6 / COUNT, baselineHeap / 1048576.0, maxHeap.get() / 1048576.0, maxLive.get() / 1048576.0,
                        COUNT / runSeconds >= 20_000 ? "met" : "not met on this run");
                System.out.println(report);
                Files.writeString(Path.of("target", "benchmark.txt"), report);
            } finally {
                sampling.set(false);
                service.stop();
                TestDatabase.forgetAccount(item.accountId());
            }
        }
    }

    /** Pages of 500 read back to back from a 100,000-transaction account, as the sync reads them. */
    private static double sandboxAlone(SandboxApi sandbox, UUID company) throws Exception {
        Scenario probe = sandbox.scenario(company, 100_000, "BANK");
        HttpClient http = HttpClient.newHttpClient();
        String key = sandbox.apiKey();
        String next = sandbox.process().baseUrl() + "/v2/transactions?accountId=" + probe.accountId();
        long start = System.nanoTime();
        long read = 0;
        while (next != null) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(next)).header("X-API-KEY", key)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = Broker.JSON.readTree(page.body());
            read += body.get("results").size();
            next = body.hasNonNull("next") ? body.get("next").asText() : null;
        }
        return read / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * CPU time the service's process has used so far: unlike throughput, what a sync costs the service itself barely
     * moves with what else the shared machine runs.
     */
    private static Duration cpu(ServiceProcess service) {
        return service.process().toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this OS does not report a process's CPU time"));
    }

    private static long sum(Pattern metric, String metrics) {
        Matcher m = metric.matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return (long) sum;
    }

    private static KafkaConsumer<String, byte[]> tail(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Broker.BOOTSTRAP);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }
}
