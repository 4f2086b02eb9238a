package dev.isr.compiler;

import dev.isr.compiler.CompileResult.PageResult;
import dev.isr.compiler.incremental.BuildStatus;
import dev.isr.compiler.incremental.IncrementalState;
import dev.isr.compiler.page.PageFile;
import dev.isr.compiler.page.PageFinder;
import dev.isr.compiler.page.Route;
import dev.isr.compiler.page.RouteResolver;
import dev.isr.compiler.targets.GeneratedFile;
import dev.isr.compiler.targets.ImportRebaser;
import dev.isr.compiler.targets.JavaPageTarget;
import dev.isr.compiler.targets.RoutedPage;
import dev.isr.compiler.targets.Target;
import dev.isr.compiler.targets.TargetRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The compiler: finds the pages of a {@link CompileRequest}, compiles each one for every target and
 * writes the result (SPEC §4, §5). One instance may serve several runs; it creates the Ruby
 * translator (and so boots JRuby) only when a run has a page to translate, keeps it for later runs,
 * and releases it on {@link #close()}.
 */
public final class IsrCompiler implements AutoCloseable {

    private final Supplier<FrontMatterTranslator> translatorFactory;
    private FrontMatterTranslator translator;

    /** A compiler over the Ruby translator. */
    public IsrCompiler() {
        this(RubyTranslator::new);
    }

    /** A compiler over another translator, created at most once and only when a page needs translating. */
    public IsrCompiler(Supplier<FrontMatterTranslator> translatorFactory) {
        this.translatorFactory = translatorFactory;
    }

    /**
     * Compiles the pages of {@code request}. Page errors are diagnostics in the result, never exceptions.
     *
     * @throws IllegalArgumentException for an invalid request (an unknown target, an include pattern
     *                                  leaving the pages directory), before any work
     * @throws IllegalStateException    for a broken installation (the runtime missing from the classpath)
     * @throws UncheckedIOException      when the file system fails
     */
    public synchronized CompileResult compile(CompileRequest request) {
        long start = System.nanoTime();
        List<Target> targets = TargetRegistry.resolve(request.targets());
        PageFinder finder = new PageFinder(request.includes(), request.excludes());
        Path outputDirectory = request.outputDirectory().toAbsolutePath().normalize();
        Map<Target, ImportRebaser> rebasers = new LinkedHashMap<>();
        List<JavaPageTarget> javaTargets = new ArrayList<>();
        List<GeneratedFile> supportFiles = new ArrayList<>();
        for (Target target : targets) {
            if (target instanceof JavaPageTarget javaTarget) {
                javaTargets.add(javaTarget); // it takes the Java pages, and has nothing to emit for a Ruby page
            } else {
                rebasers.put(target, new ImportRebaser(request.pagesDirectory(), outputDirectory.resolve(target.name())));
            }
            target.supportFiles().forEach(f -> supportFiles.add(f.under(target.name())));
        }
        String configuration = configuration(request, outputDirectory, supportFiles);
        IncrementalState incremental = request.statusFile()
                .map(f -> new IncrementalState(BuildStatus.read(f), request.toolVersion(), configuration))
                .orElseGet(IncrementalState::none);
        boolean bootedBefore = translator != null && translator.bootTime().isPresent();

        PageFinder.Found found = finder.find(request.pagesDirectory());
        PagesByKind kinds = PagesByKind.split(found.pages(), !rebasers.isEmpty(), !javaTargets.isEmpty());
        // a run without a JavaScript target translates no Ruby page, so JRuby does not boot
        List<PageFile> pages = kinds.rubyPages();
        RouteResolver.Resolved routes = new RouteResolver().resolve(pages);
        PageCompiler compiler = new PageCompiler(this::translator, rebasers, request.encoding());
        Run run = new Run(found.diagnostics());
        run.diagnostics.addAll(kinds.warnings(request.pagesDirectory()));
        for (PageFile page : pages) {
            byte[] bytes = read(page);
            String sha256 = sha256(bytes);
            List<Diagnostic> routeDiagnostics = routes.diagnosticsOf(page.source());
            Optional<BuildStatus.PageEntry> unchanged = routeDiagnostics.isEmpty()
                    ? incremental.unchanged(page.source(), sha256) : Optional.empty();
            Optional<Route> route = Optional.ofNullable(routes.routes().get(page.source()));
            if (unchanged.isPresent()) {
                run.skipped(page, route, unchanged.get());
            } else {
                run.compiled(route, sha256, compiler.compile(page, route, routeDiagnostics, bytes));
            }
        }
        new JavaPageStage(javaTargets, request.encoding(), incremental).compile(kinds.javaPages(), run);
        run.results.sort(Comparator.comparing(PageResult::source));

        for (Target target : targets) {
            // built from every page, skipped ones too, so rewritten (when its bytes change) on every run
            target.siteFiles(run.routedPages(target.name(), routes.routes()))
                    .forEach(f -> supportFiles.add(f.under(target.name())));
        }
        List<Path> removed = request.writeOutput()
                ? new BuildWriter(outputDirectory).write(run, supportFiles, incremental, request, configuration)
                : List.of();
        Optional<Duration> rubyBoot = translator == null || bootedBefore ? Optional.empty() : translator.bootTime();
        return new CompileResult(run.results, run.diagnostics, removed,
                new CompileResult.Timings(Duration.ofNanos(System.nanoTime() - start), rubyBoot));
    }

    /** Releases the translator (and JRuby with it), if one was created. */
    @Override
    public synchronized void close() {
        if (translator != null) {
            translator.close();
            translator = null;
        }
    }

    private FrontMatterTranslator translator() {
        if (translator == null) {
            translator = translatorFactory.get();
        }
        return translator;
    }

    /**
     * Every setting that shapes the output: when any changes, no earlier output can be reused. The
     * support files' bytes are part of it, so a new runtime recompiles even under an unchanged tool version.
     */
    private static String configuration(CompileRequest request, Path outputDirectory, List<GeneratedFile> supportFiles) {
        ByteArrayOutputStream support = new ByteArrayOutputStream();
        supportFiles.forEach(f -> support.writeBytes(f.content()));
        return String.join("\n",
                "format=" + BuildStatus.FORMAT_VERSION,
                "targets=" + String.join(",", request.targets()),
                "includes=" + String.join(",", request.includes()),
                "excludes=" + String.join(",", request.excludes()),
                "encoding=" + request.encoding().name(),
                "pagesDirectory=" + request.pagesDirectory().toAbsolutePath().normalize(),
                "outputDirectory=" + outputDirectory,
                "support=" + sha256(support.toByteArray()));
    }

    static byte[] read(PageFile page) {
        try {
            return Files.readAllBytes(page.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read page " + page.displayPath(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** What one run found, page by page, in page order. */
    static final class Run {
        final List<PageResult> results = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        /** Files to write, relative to the output directory. */
        final List<GeneratedFile> files = new ArrayList<>();
        /** The status entry of every page that has outputs after this run. */
        final Map<String, BuildStatus.PageEntry> entries = new LinkedHashMap<>();
        /** Route params per page, for the manifest. */
        final Map<String, List<String>> params = new LinkedHashMap<>();

        Run(List<Diagnostic> findDiagnostics) {
            diagnostics.addAll(findDiagnostics);
        }

        /** @param route the page's route; empty for a Java page without pragma, which has none */
        void skipped(PageFile page, Optional<Route> route, BuildStatus.PageEntry entry) {
            results.add(new PageResult(page.source(), route.map(Route::path).orElse(""),
                    route.map(Route::keyPattern).orElse(""), entry.revalidateSeconds(),
                    entry.tags(), entry.files(), PageResult.Status.SKIPPED));
            diagnostics.addAll(entry.warnings());
            entries.put(page.source(), entry);
            params.put(page.source(), route.map(Route::params).orElse(List.of()));
        }

        void compiled(Optional<Route> route, String sha256, PageCompiler.Outcome outcome) {
            compiled(route, sha256, outcome, Optional.empty());
        }

        /** @param javaRoute a Java pragma page's route as declared, kept in the status for when the page is skipped */
        void compiled(Optional<Route> route, String sha256, PageCompiler.Outcome outcome, Optional<String> javaRoute) {
            PageResult result = outcome.result();
            results.add(result);
            diagnostics.addAll(outcome.diagnostics());
            if (result.status() == PageResult.Status.FAILED) {
                return; // the run has errors, so BuildWriter writes nothing: earlier outputs and status stay
            }
            files.addAll(outcome.files());
            entries.put(result.source(), new BuildStatus.PageEntry(sha256, result.revalidateSeconds(), result.tags(),
                    result.files(), outcome.diagnostics().stream().filter(d -> !d.isError()).toList(), javaRoute));
            params.put(result.source(), route.map(Route::params).orElse(List.of()));
        }

        /** Every page that has files of {@code target} after this run, with its route, in page order. */
        List<RoutedPage> routedPages(String target, Map<String, Route> routes) {
            List<RoutedPage> out = new ArrayList<>();
            entries.forEach((source, entry) -> {
                List<String> files = entry.files().get(target);
                if (files != null && routes.containsKey(source)) {
                    out.add(new RoutedPage(source, routes.get(source),
                            files.stream().map(f -> f.substring(target.length() + 1)).toList()));
                }
            });
            return out;
        }

        boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }
}
