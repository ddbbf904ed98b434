package io.financehub.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.financehub.gateway.testing.GatewayKeysTestResource;
import io.financehub.gateway.testing.StubDownstreams;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * p99 latency of GET /api/banking/accounts/ through the gateway (JWT check, Redis rate limit, proxy) versus straight to
 * the stub service, at about 500 requests per second, measured with wrk in one run and printed side by side. Off by
 * default; run with {@code mvn -B -pl gateway-service verify -Dtest=ProxyBenchmarkTest -Dbench=true}.
 */
@QuarkusTest
@TestProfile(ProxyBenchmarkTest.Unlimited.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(GatewayKeysTestResource.class)
@WithTestResource(StubDownstreams.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ProxyBenchmarkTest {

    private static final int CONNECTIONS = 10;
    private static final int DELAY_MS = 19;
    private static final int WARMUP_SECONDS = 10;
    private static final int MEASURE_SECONDS = 15;
    private static final int ROUNDS = 2;
    private static final Pattern RESULT = Pattern.compile(
            "RESULT requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p90_us=(\\d+) p99_us=(\\d+) max_us=(\\d+) errors=(\\d+)");

    @ConfigProperty(name = "gateway.downstream.ledger-service-url")
    String ledger;

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void gatewayHopAtFiveHundredRequestsPerSecond() throws Exception {
        Path script = Files.createTempFile("paced", ".lua");
        try (InputStream in = getClass().getResourceAsStream("/bench/paced.lua")) {
            Files.write(script, in.readAllBytes());
        }
        String token = TestTokens.member(UUID.randomUUID());
        String direct = ledger + "/api/banking/accounts/";
        String base = gateway.toString().replaceAll("/$", "");
        String viaGateway = base + "/api/banking/accounts/";
        // The public webhook route: the same proxy hop without the JWT check and the Redis rate limit.
        String proxyOnly = base + "/api/banking/webhooks/pluggy/";

        wrk(script, token, direct, WARMUP_SECONDS);
        wrk(script, token, viaGateway, WARMUP_SECONDS);
        wrk(script, token, proxyOnly, WARMUP_SECONDS);
        long errors = 0;
        long[] directP99 = new long[ROUNDS];
        long[] gatewayP99 = new long[ROUNDS];
        StringBuilder report = new StringBuilder("\n=== gateway hop benchmark (wrk, " + CONNECTIONS + " connections, "
                + DELAY_MS + " ms pacing, " + MEASURE_SECONDS + " s per run) ===\n");
        for (int round = 0; round < ROUNDS; round++) {
            Result d = wrk(script, token, direct, MEASURE_SECONDS);
            Result g = wrk(script, token, viaGateway, MEASURE_SECONDS);
            Result p = wrk(script, token, proxyOnly, MEASURE_SECONDS);
            directP99[round] = d.p99Micros();
            gatewayP99[round] = g.p99Micros();
            report.append(String.format("round %d  direct : %6.0f req/s  p50 %5.2f ms  p90 %5.2f ms  p99 %5.2f ms  errors %d%n",
                    round + 1, d.rate(), d.p50Micros() / 1000.0, d.p90Micros() / 1000.0, d.p99Micros() / 1000.0, d.errors()));
            report.append(String.format("round %d  gateway: %6.0f req/s  p50 %5.2f ms  p90 %5.2f ms  p99 %5.2f ms  errors %d%n",
                    round + 1, g.rate(), g.p50Micros() / 1000.0, g.p90Micros() / 1000.0, g.p99Micros() / 1000.0, g.errors()));
            report.append(String.format("round %d  proxy only (no JWT, no limiter): %6.0f req/s  p50 %5.2f ms  p90 %5.2f ms  p99 %5.2f ms  errors %d%n",
                    round + 1, p.rate(), p.p50Micros() / 1000.0, p.p90Micros() / 1000.0, p.p99Micros() / 1000.0, p.errors()));
            errors += d.errors() + g.errors() + p.errors();
        }
        long added = 0;
        for (int round = 0; round < ROUNDS; round++) {
            added = Math.max(added, gatewayP99[round] - directP99[round]);
        }
        report.append(String.format("p99 added by the gateway hop (worst round): %.2f ms (target < 2 ms): %s%n",
                added / 1000.0, added < 2000 ? "MET" : "NOT MET"));
        System.out.println(report);
        assertEquals(0, errors, "wrk saw errors or non-2xx answers");
    }

    private static Result wrk(Path script, String token, String url, int seconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s",
                "--timeout", "5s", "-s", script.toString(), url)).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("WRK_TOKEN", token);
        env.put("WRK_DELAY_MS", Integer.toString(DELAY_MS));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish");
        }
        output.lines().filter(line -> line.startsWith("ERRORS") && !line.matches("ERRORS( \\w+=0)+"))
                .forEach(line -> System.out.println(url + " " + line));
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no result (is wrk installed?):\n" + output);
        }
        return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(7)));
    }

    record Result(long requests, long durationMicros, long p50Micros, long p90Micros, long p99Micros, long errors) {
        double rate() {
            return requests * 1_000_000.0 / durationMicros;
        }
    }

    /** The company limit far above the benchmark's rate: the limiter still runs (one Redis call per request). */
    public static class Unlimited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("gateway.rate-limit.api-per-company-per-minute", "10000000");
            config.put("quarkus.log.category.\"io.financehub\".level", "WARN");
            return config;
        }
    }
}
