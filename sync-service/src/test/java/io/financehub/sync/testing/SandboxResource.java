package io.financehub.sync.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs the service under test against its own pluggy-sandbox process (short execution steps and MFA timeout, so
 * status paths are quick), and makes its consumer group skip sync requests left on the shared topic by earlier runs.
 */
public class SandboxResource implements QuarkusTestResourceLifecycleManager {

    /** The sandbox of this test run, for the tests' own calls to its control API. */
    private static volatile SandboxProcess current;

    @Override
    public Map<String, String> start() {
        current = SandboxProcess.start("-Dsandbox.timings.step=PT0.3S", "-Dsandbox.timings.user-input-timeout=PT3S");
        Broker.skipToEnd(Broker.TEST_GROUP);
        return Map.of("pluggy.base-url", current.baseUrl());
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
        }
    }

    public static SandboxProcess sandbox() {
        return current;
    }
}
