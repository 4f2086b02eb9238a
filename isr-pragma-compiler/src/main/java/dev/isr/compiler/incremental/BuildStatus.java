package dev.isr.compiler.incremental;

import dev.isr.compiler.Diagnostic;
import dev.isr.compiler.output.OutputWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What the last successful run compiled, kept between runs (under {@code target/}) so the next run can
 * skip unchanged pages and delete the outputs of pages that went away. One record per line, fields
 * separated by spaces and percent-encoded, so any page path or message fits:
 * <pre>
 * isr-build-status 1
 * tool 0.1.0
 * configuration targets%3Dnode%0A...
 * output /project/target/generated-sources/isr
 * shared node node%2F_isr%2Fisr.js
 * page posts%2F%5Bslug%5D.astro.rb 3f5a...e1 300 1520:1764149940123456789
 * route %2Fposts%2F%7Bslug%7D          (Java pages only)
 * tag posts
 * file node node%2Fposts%2F%5Bslug%5D.js
 * warning 3 12 message source+line
 * </pre>
 * A status of another format version, or one that cannot be read, counts as absent: everything recompiles.
 *
 * @param toolVersion     version of the tool that wrote it
 * @param configuration   every setting that shapes the output, as text
 * @param outputDirectory absolute output directory the files below are relative to
 * @param sharedFiles     support files per target
 * @param pages           per page source, what it compiled to
 */
public record BuildStatus(String toolVersion, String configuration, String outputDirectory,
                          Map<String, List<String>> sharedFiles, Map<String, PageEntry> pages) {

    /** Bumped whenever the status or the generated output changes shape, so old state is not trusted. */
    public static final int FORMAT_VERSION = 3;
    private static final String MAGIC = "isr-build-status";

    public BuildStatus {
        sharedFiles = Map.copyOf(sharedFiles);
        pages = Map.copyOf(pages);
    }

    /**
     * One compiled page.
     *
     * @param sha256            hash of the page file's bytes
     * @param stamp             the page file's size and modification time when it was read; empty when too
     *                          recent to be trusted, which makes the next run hash the page
     * @param revalidateSeconds the pragma's ttl
     * @param tags              the pragma's tags
     * @param files             files per target, relative to the output directory
     * @param warnings          the page's warnings, repeated when it is skipped so they are not forgotten
     * @param javaRoute         the route of a Java pragma page, {@code /posts/{slug}}, which only compiling
     *                          the page can tell; empty for other pages (a Ruby page's route is its path)
     */
    public record PageEntry(String sha256, Optional<FileStamp> stamp, OptionalLong revalidateSeconds, List<String> tags,
                            Map<String, List<String>> files, List<Diagnostic> warnings, Optional<String> javaRoute) {
        public PageEntry {
            tags = List.copyOf(tags);
            files = Map.copyOf(files);
            warnings = List.copyOf(warnings);
        }

        public List<String> allFiles() {
            List<String> out = new ArrayList<>(); // a loop: a build where nothing changed asks every page
            files.values().forEach(out::addAll);
            return out;
        }

        /** The same entry for the same bytes found under a new stamp (a page touched but not changed). */
        public PageEntry withStamp(Optional<FileStamp> newStamp) {
            return new PageEntry(sha256, newStamp, revalidateSeconds, tags, files, warnings, javaRoute);
        }
    }

    /** Every file the status lists, pages and shared, relative to the output directory. */
    public List<String> allFiles() {
        List<String> out = new ArrayList<>();
        sharedFiles.values().forEach(out::addAll);
        pages.values().forEach(p -> out.addAll(p.allFiles()));
        return out;
    }

    public static Optional<BuildStatus> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build status " + file, e);
        }
        try {
            return Optional.ofNullable(parse(lines));
        } catch (RuntimeException e) {
            // a damaged status only costs a full rebuild
            return Optional.empty();
        }
    }

    public void write(Path file) {
        StringBuilder out = new StringBuilder();
        line(out, MAGIC, Integer.toString(FORMAT_VERSION));
        line(out, "tool", encode(toolVersion));
        line(out, "configuration", encode(configuration));
        line(out, "output", encode(outputDirectory));
        new TreeMap<>(sharedFiles).forEach((target, files) -> files.forEach(f -> line(out, "shared", encode(target), encode(f))));
        new TreeMap<>(pages).forEach((source, page) -> {
            line(out, "page", encode(source), page.sha256(),
                    page.revalidateSeconds().isPresent() ? Long.toString(page.revalidateSeconds().getAsLong()) : "-",
                    page.stamp().map(FileStamp::toString).orElse("-"));
            page.javaRoute().ifPresent(route -> line(out, "route", encode(route)));
            page.tags().forEach(t -> line(out, "tag", encode(t)));
            new TreeMap<>(page.files()).forEach((target, files) -> files.forEach(f -> line(out, "file", encode(target), encode(f))));
            page.warnings().forEach(w -> line(out, "warning", Integer.toString(w.line()), Integer.toString(w.column()),
                    encode(w.path()), encode(w.message()), encode(w.sourceLine())));
        });
        try {
            OutputWriter.writeAtomically(file, out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build status " + file, e);
        }
    }

    private static BuildStatus parse(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC + " " + FORMAT_VERSION)) {
            return null;
        }
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, List<String>> shared = new LinkedHashMap<>();
        Map<String, PageEntry> pages = new LinkedHashMap<>();
        PageBuilder page = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ", -1);
            switch (f[0]) {
                case "tool", "configuration", "output" -> header.put(f[0], decode(f[1]));
                case "shared" -> shared.computeIfAbsent(decode(f[1]), k -> new ArrayList<>()).add(decode(f[2]));
                case "page" -> {
                    if (page != null) {
                        pages.put(page.source, page.build());
                    }
                    page = new PageBuilder(decode(f[1]), f[2], FileStamp.parse(f[4]),
                            f[3].equals("-") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(f[3])));
                }
                case "route" -> page.javaRoute = Optional.of(decode(f[1]));
                case "tag" -> page.tags.add(decode(f[1]));
                case "file" -> page.files.computeIfAbsent(decode(f[1]), k -> new ArrayList<>()).add(decode(f[2]));
                case "warning" -> page.warnings.add(Diagnostic.warning(decode(f[3]), Integer.parseInt(f[1]),
                        Integer.parseInt(f[2]), decode(f[4]), decode(f[5])));
                default -> throw new IllegalArgumentException("unknown record " + f[0]);
            }
        }
        if (page != null) {
            pages.put(page.source, page.build());
        }
        return new BuildStatus(header.get("tool"), header.get("configuration"), header.get("output"), shared, pages);
    }

    private static final class PageBuilder {
        final String source;
        final String sha256;
        final Optional<FileStamp> stamp;
        final OptionalLong revalidate;
        final List<String> tags = new ArrayList<>();
        final Map<String, List<String>> files = new LinkedHashMap<>();
        final List<Diagnostic> warnings = new ArrayList<>();
        Optional<String> javaRoute = Optional.empty();

        PageBuilder(String source, String sha256, Optional<FileStamp> stamp, OptionalLong revalidate) {
            this.source = source;
            this.sha256 = sha256;
            this.stamp = stamp;
            this.revalidate = revalidate;
        }

        PageEntry build() {
            return new PageEntry(sha256, stamp, revalidate, tags, files, warnings, javaRoute);
        }
    }

    private static void line(StringBuilder out, String... fields) {
        out.append(String.join(" ", fields)).append('\n');
    }

    /**
     * URL-encoded, so that a field holds no space or line break. A field of printable ASCII without {@code %} and
     * {@code +} (hashes, numbers, most file paths) decodes to itself and is kept as it is, without URLEncoder's
     * copy: a one-page rebuild writes thousands of fields.
     */
    static String encode(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~' || c == '%' || c == '+') {
                return URLEncoder.encode(value, StandardCharsets.UTF_8);
            }
        }
        return value;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
