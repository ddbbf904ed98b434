package io.financehub.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the tests' helper programs (node, npm, setup scripts) with a deadline, output captured. */
final class Processes {

    private Processes() {
    }

    record Result(int exitCode, String output) {
    }

    static Result run(List<String> command, Path directory, Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        File log = File.createTempFile("sandbox-test-process", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().putAll(environment);
            Process process = pb.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Result(-1, String.join(" ", command) + " timed out after " + timeoutSeconds + " s\n"
                        + Files.readString(log.toPath(), StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log.toPath());
        }
    }

    static boolean onPath(String executable) {
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
