package io.financehub.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        assumeTrue(onPath("node"), "node is not on the PATH: the pluggy-sdk conformance test is skipped");
        Sandbox.reset();
        if (!Files.isDirectory(PROJECT.resolve("node_modules"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
            assertEquals(0, install.exitCode(), "npm ci failed:\n" + install.output());
        }
        Result test = run(List.of("node", "--test"), 180);
        System.out.println(test.output());
        assertEquals(0, test.exitCode(), "pluggy-sdk conformance failed:\n" + test.output());
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        File log = File.createTempFile("sdk-conformance", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
                .redirectOutput(log);
        pb.environment().put("PLUGGY_API_URL", "http://localhost:8091");
        pb.environment().put("PLUGGY_CLIENT_ID", Sandbox.CLIENT_ID);
        pb.environment().put("PLUGGY_CLIENT_SECRET", Sandbox.CLIENT_SECRET);
        Process process = pb.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log.toPath(),
                    StandardCharsets.UTF_8));
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        Files.deleteIfExists(log.toPath());
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }
}
