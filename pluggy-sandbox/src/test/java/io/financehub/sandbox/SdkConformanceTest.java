package io.financehub.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Runs src/test/node (node:test, the official pluggy-sdk pinned in package-lock.json) against this test instance:
 * the SDK is the judge of shapes, enums, dates and paging.
 */
@QuarkusTest
class SdkConformanceTest {

    private static final Path PROJECT = Path.of("src/test/node");

    @Test
    void officialSdkDrivesTheSandboxEndToEnd() throws Exception {
        assumeTrue(Processes.onPath("node"), "node is not on the PATH: the pluggy-sdk conformance test is skipped");
        Sandbox.reset();
        Map<String, String> env = Map.of("PLUGGY_API_URL", "http://localhost:8091", "PLUGGY_CLIENT_ID",
                Sandbox.CLIENT_ID, "PLUGGY_CLIENT_SECRET", Sandbox.CLIENT_SECRET);
        if (!Files.isDirectory(PROJECT.resolve("node_modules"))) {
            Processes.Result install = Processes.run(List.of("npm", "ci", "--no-audit", "--no-fund"), PROJECT, env,
                    300);
            assertEquals(0, install.exitCode(), "npm ci failed:\n" + install.output());
        }
        Processes.Result test = Processes.run(List.of("node", "--test"), PROJECT, env, 180);
        System.out.println(test.output());
        assertEquals(0, test.exitCode(), "pluggy-sdk conformance failed:\n" + test.output());
    }
}
