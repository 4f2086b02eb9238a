package dev.isr.compiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code node} (the {@code node.executable} system property, else {@code node} on the PATH) for tests. */
final class NodeProcess {

    /** Exit code and combined output of one run. */
    record Outcome(int exitCode, String output) {
    }

    private NodeProcess() {
    }

    static Outcome run(Path workingDirectory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("node.executable", "node"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("node did not finish: " + command);
            }
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot run node (set -Dnode.executable): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
