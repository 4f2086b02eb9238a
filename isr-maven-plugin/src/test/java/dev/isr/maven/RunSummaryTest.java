package dev.isr.maven;

import dev.isr.compiler.CompileResult;
import dev.isr.compiler.CompileResult.PageResult;
import dev.isr.compiler.CompileResult.PageResult.Status;
import dev.isr.compiler.CompileResult.Timings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunSummaryTest {

    @Test
    void countsPagesByStatusAndNamesBootTimeAndDestination() {
        CompileResult result = result(List.of(page("index.astro.rb", Status.COMPILED), page("a.astro.rb", Status.COMPILED),
                page("b.astro.rb", Status.SKIPPED), page("c.astro.rb", Status.FAILED)), List.of(),
                new Timings(Duration.ofMillis(1234), Optional.of(Duration.ofMillis(2900))));

        assertEquals("ISR: 4 pages found, 2 compiled, 1 skipped, 1 failed; targets node, jvm; 1.23 s (JRuby boot 2.90 s)"
                        + " -> target/generated-sources/isr",
                RunSummary.line(result, List.of("node", "jvm"), "target/generated-sources/isr"));
    }

    @Test
    void saysWhenJRubyWasNotStartedAndWhatWasRemoved() {
        CompileResult result = result(List.of(page("index.astro.rb", Status.SKIPPED)),
                List.of(Path.of("node/old.js"), Path.of("node/old.astro")),
                new Timings(Duration.ofMillis(40), Optional.empty()));

        assertEquals("ISR: 1 page found, 0 compiled, 1 skipped, 0 failed, 2 stale files removed; targets node;"
                        + " 0.04 s (JRuby not started) -> out",
                RunSummary.line(result, List.of("node"), "out"));
    }

    @Test
    void checkRunsSayNothingWasWritten() {
        CompileResult result = result(List.of(page("index.astro.rb", Status.COMPILED)), List.of(),
                new Timings(Duration.ofMillis(3500), Optional.of(Duration.ofMillis(3000))));

        assertEquals("ISR check: 1 page found, 1 checked, 0 skipped, 0 failed; targets node; 3.50 s (JRuby boot 3.00 s);"
                        + " nothing written",
                RunSummary.line(result, List.of("node"), null));
    }

    private static PageResult page(String source, Status status) {
        return new PageResult(source, "/", "page:/", OptionalLong.empty(), List.of(), Map.of(), status);
    }

    private static CompileResult result(List<PageResult> pages, List<Path> removed, Timings timings) {
        return new CompileResult(pages, List.of(), removed, timings);
    }
}
