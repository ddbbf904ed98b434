package io.financehub.sandbox.traffic;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A fault injected on the Pluggy paths matching {@code path} (a glob: {@code *} within a segment, {@code **} across
 * segments), for every call ({@code rate} 1), a share of calls (deterministic from the seed), or the next
 * {@code count} calls.
 *
 * @param kind LATENCY (adds {@code latencyMs}, then answers normally), RATE_LIMIT (429 with Retry-After),
 *             ERROR_500, ERROR_503, TIMEOUT (holds the request {@code latencyMs}, default 60 s, then closes the
 *             connection without an answer), DROP_CONNECTION (closes the connection at once)
 */
@RegisterForReflection
public record FaultRule(String id, String path, String method, String kind, Long latencyMs, Double rate,
        Integer count, Integer retryAfterSeconds, Integer remaining, long fired) {

    public static final java.util.Set<String> KINDS = java.util.Set.of("LATENCY", "RATE_LIMIT", "ERROR_500",
            "ERROR_503", "TIMEOUT", "DROP_CONNECTION");
}
