package io.financehub.sandbox.traffic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.financehub.sandbox.config.SandboxConfig;
import io.financehub.sandbox.control.SandboxSettings;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pluggy's per-minute, per-IP limits: POST /auth 360, GET /transactions[/{id}] 360, PATCH /items 20, each counted on
 * its own in a fixed one-minute window.
 */
@ApplicationScoped
public class RateLimiter {

    /** The decision for one call: limit, what remains, seconds to the window's end; {@code allowed} false is a 429. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
    }

    private final SandboxConfig config;
    private final SandboxSettings settings;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    public RateLimiter(SandboxConfig config, SandboxSettings settings) {
        this.config = config;
        this.settings = settings;
    }

    /** The limit group of a call, or null when the path is not limited. */
    public static String group(String method, String path) {
        if ("POST".equals(method) && (path.equals("/auth") || path.equals("/auth/"))) {
            return "auth";
        }
        if ("GET".equals(method) && (path.equals("/transactions") || path.equals("/transactions/")
                || path.matches("/transactions/[^/]+/?"))) {
            return "transactions";
        }
        if ("PATCH".equals(method) && path.matches("/items/[^/]+/?")) {
            return "itemUpdates";
        }
        return null;
    }

    public Decision check(String group, String ip) {
        SandboxSettings.View s = settings.get();
        int limit = switch (group) {
            case "auth" -> s.authPerMinute();
            case "transactions" -> s.transactionsPerMinute();
            default -> s.itemUpdatesPerMinute();
        };
        long window = config.rateLimits().window().toMillis();
        long now = System.currentTimeMillis();
        long[] w = windows.computeIfAbsent(group + "|" + ip, k -> new long[] { now, 0 });
        synchronized (w) {
            if (now - w[0] >= window) {
                w[0] = now;
                w[1] = 0;
            }
            long reset = Math.max(1, (w[0] + window - now + 999) / 1000);
            if (w[1] >= limit) {
                return new Decision(false, limit, 0, reset);
            }
            w[1]++;
            return new Decision(true, limit, (int) (limit - w[1]), reset);
        }
    }

    public boolean enabled() {
        return settings.get().rateLimitsEnabled();
    }

    public void reset() {
        windows.clear();
    }
}
