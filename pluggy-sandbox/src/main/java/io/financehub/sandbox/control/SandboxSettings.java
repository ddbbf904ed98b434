package io.financehub.sandbox.control;

import io.financehub.sandbox.config.SandboxConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/** Switches a test or a benchmark can flip at runtime (POST /sandbox/settings); they start from the config. */
@ApplicationScoped
public class SandboxSettings {

    @RegisterForReflection
    public record View(boolean rateLimitsEnabled, int authPerMinute, int transactionsPerMinute,
            int itemUpdatesPerMinute, boolean v1TransactionsGone) {
    }

    private final SandboxConfig config;
    private volatile View current;

    public SandboxSettings(SandboxConfig config) {
        this.config = config;
        reset();
    }

    public View get() {
        return current;
    }

    public void set(View view) {
        this.current = view;
    }

    public final void reset() {
        current = new View(config.rateLimits().enabled(), config.rateLimits().auth(),
                config.rateLimits().transactions(), config.rateLimits().itemUpdates(), config.v1TransactionsGone());
    }
}
