package dev.isr.compiler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one compilation did.
 *
 * @param pages       one entry per page found (compiled, skipped as unchanged, or failed)
 * @param diagnostics every diagnostic of every page, in page order then line order
 * @param removed     generated files deleted because their page was deleted, renamed or excluded
 * @param timings     wall time of the whole run and of its stages
 */
public record CompileResult(List<PageResult> pages, List<Diagnostic> diagnostics, List<Path> removed, Timings timings) {

    public CompileResult {
        pages = List.copyOf(pages);
        diagnostics = List.copyOf(diagnostics);
        removed = List.copyOf(removed);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public boolean hasWarnings() {
        return diagnostics.stream().anyMatch(d -> !d.isError());
    }

    public long count(PageResult.Status status) {
        return pages.stream().filter(p -> p.status() == status).count();
    }

    /**
     * One page.
     *
     * @param source            page path relative to the pages directory, with {@code /} separators
     * @param route             e.g. {@code /posts/[slug]}
     * @param keyPattern        e.g. {@code page:/posts/${slug}}; the runtime key with each param percent-encoded
     * @param revalidateSeconds the pragma's ttl, empty for a page without a pragma
     * @param tags              the pragma's tags
     * @param files             files written (or, when skipped, kept) per target name, relative to the output directory
     * @param status            what happened to the page in this run
     */
    public record PageResult(
            String source,
            String route,
            String keyPattern,
            OptionalLong revalidateSeconds,
            List<String> tags,
            Map<String, List<String>> files,
            Status status) {

        public enum Status { COMPILED, SKIPPED, FAILED }

        public PageResult {
            tags = List.copyOf(tags);
            files = Map.copyOf(files);
        }
    }

    /**
     * @param total       the whole run
     * @param rubyBoot    time spent booting JRuby, empty when it was not booted
     */
    public record Timings(Duration total, Optional<Duration> rubyBoot) {
    }
}
