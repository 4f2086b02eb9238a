package dev.isr.maven;

import dev.isr.compiler.CompileResult;
import dev.isr.compiler.CompileResult.PageResult.Status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The one info line a run logs, e.g.
 * {@code ISR: 4 pages found, 4 compiled, 0 skipped, 0 failed; targets node; 1.23 s (JRuby boot 2.90 s) -> target/generated-sources/isr}.
 * The line is stable so that people and integration tests can grep it.
 */
final class RunSummary {

    private RunSummary() {
    }

    /**
     * @param result      what the compiler did
     * @param targets     the target names of the request
     * @param destination where the output went, as the user should read it; {@code null} when nothing is written
     */
    static String line(CompileResult result, List<String> targets, String destination) {
        boolean writes = destination != null;
        StringBuilder line = new StringBuilder(writes ? "ISR: " : "ISR check: ")
                .append(plural(result.pages().size(), "page")).append(" found, ")
                .append(result.count(Status.COMPILED)).append(writes ? " compiled, " : " checked, ")
                .append(result.count(Status.SKIPPED)).append(" skipped, ")
                .append(result.count(Status.FAILED)).append(" failed");
        if (!result.removed().isEmpty()) {
            line.append(", ").append(plural(result.removed().size(), "stale file")).append(" removed");
        }
        line.append("; targets ").append(String.join(", ", targets))
                .append("; ").append(seconds(result.timings().total()))
                .append(result.timings().rubyBoot()
                        .map(boot -> " (JRuby boot " + seconds(boot) + ")")
                        .orElse(" (JRuby not started)"));
        return line.append(writes ? " -> " + destination : "; nothing written").toString();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }
}
