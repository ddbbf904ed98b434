package io.financehub.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The Connect widget in a real browser: src/test/browser opens it from a parent page with the real pluggy-connect-sdk
 * (pinned, with package-lock.json) in headless Debian Chromium, through connector choice, credentials and MFA, and
 * checks what the parent's onSuccess and onError receive. It catches what breaks the widget silently, such as a zoid
 * version drift when the SDK is upgraded. setup.sh installs Chromium (and node) where they are missing and this
 * runs as root on Debian; where they cannot be installed the test fails, saying why.
 */
@QuarkusTest
class ConnectWidgetBrowserTest {

    private static final Path PROJECT = Path.of("src/test/browser");

    @Test
    void theRealSdkConnectsThroughTheSandboxWidgetAndReportsSuccessAndErrors() throws Exception {
        Processes.Result setup = Processes.run(List.of("bash", "setup.sh"), PROJECT, Map.of(), 900);
        assertEquals(0, setup.exitCode(), "the browser test's setup failed (Chromium, node or npm packages):\n"
                + setup.output());
        Processes.Result test = Processes.run(List.of("node", "--test", "connect-widget.test.js"), PROJECT,
                Map.of("SANDBOX_URL", "http://localhost:8091", "PLUGGY_CLIENT_ID", Sandbox.CLIENT_ID,
                        "PLUGGY_CLIENT_SECRET", Sandbox.CLIENT_SECRET),
                120);
        System.out.println(test.output());
        assertEquals(0, test.exitCode(), "the Connect widget browser test failed:\n" + test.output());
    }
}
