package io.financehub.connection.testing;

import java.util.Map;

import io.financehub.support.testing.SandboxProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the service at the real pluggy-sandbox in a process of its own (the shared {@link SandboxProcess}). Its
 * rate-limit window is shortened to 2 s, like the client's in the test profile, so limits are exercised in seconds.
 */
public class SandboxTestResource implements QuarkusTestResourceLifecycleManager {

    /** Base URL of the running sandbox, for tests that drive its control API. */
    public static volatile String baseUrl;

    private SandboxProcess sandbox;

    @Override
    public Map<String, String> start() {
        sandbox = SandboxProcess.start("-XX:TieredStopAtLevel=1",
                "-Dsandbox.rate-limits.window=PT2S",
                "-Dsandbox.timings.step=PT0.05S",
                "-Dsandbox.timings.user-input-timeout=PT30S",
                "-Dsandbox.webhooks.max-attempts=1",
                "-Dsandbox.webhooks.timeout=PT1S");
        baseUrl = sandbox.baseUrl();
        return Map.of(
                "pluggy.base-url", baseUrl,
                "pluggy.webhook-url", "http://127.0.0.1:9/api/banking/webhooks/pluggy/",
                "pluggy.redis-prefix", "pluggy-test");
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
