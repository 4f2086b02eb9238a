package dev.isr.compiler;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one compilation needs, gathered by a caller (the Maven plugin, a test, a benchmark).
 *
 * @param pagesDirectory  root of the page tree; routes are derived from paths relative to it
 * @param outputDirectory root of the generated tree; each target writes into its own folder under it
 * @param targets         target names ({@code node}, {@code browser}, {@code vercel}, {@code cloudflare}, {@code jvm}), in the caller's order
 * @param includes        glob patterns (relative to {@code pagesDirectory}) of pages to compile; empty means all page kinds
 * @param excludes        glob patterns of pages to leave out
 * @param encoding        encoding of the page files
 * @param statusFile      where incremental state is kept between runs; empty disables incremental compilation
 * @param writeOutput     {@code false} validates every page and writes nothing ({@code isr:check})
 * @param toolVersion     version of the calling tool, part of the incremental state so an upgrade recompiles everything
 */
public record CompileRequest(
        Path pagesDirectory,
        Path outputDirectory,
        List<String> targets,
        List<String> includes,
        List<String> excludes,
        Charset encoding,
        Optional<Path> statusFile,
        boolean writeOutput,
        String toolVersion) {

    public CompileRequest {
        Objects.requireNonNull(pagesDirectory, "pagesDirectory");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
        includes = List.copyOf(Objects.requireNonNull(includes, "includes"));
        excludes = List.copyOf(Objects.requireNonNull(excludes, "excludes"));
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(statusFile, "statusFile");
        Objects.requireNonNull(toolVersion, "toolVersion");
    }

    /** A request with the defaults of the Maven plugin: node target, every page, UTF-8, not incremental. */
    public static CompileRequest of(Path pagesDirectory, Path outputDirectory, List<String> targets) {
        return new CompileRequest(pagesDirectory, outputDirectory, targets, List.of(), List.of(),
                StandardCharsets.UTF_8, Optional.empty(), true, "dev");
    }

    public CompileRequest withStatusFile(Path file) {
        return new CompileRequest(pagesDirectory, outputDirectory, targets, includes, excludes, encoding,
                Optional.of(file), writeOutput, toolVersion);
    }

    public CompileRequest withIncludes(List<String> newIncludes, List<String> newExcludes) {
        return new CompileRequest(pagesDirectory, outputDirectory, targets, newIncludes, newExcludes, encoding,
                statusFile, writeOutput, toolVersion);
    }

    public CompileRequest validateOnly() {
        return new CompileRequest(pagesDirectory, outputDirectory, targets, includes, excludes, encoding,
                statusFile, false, toolVersion);
    }
}
