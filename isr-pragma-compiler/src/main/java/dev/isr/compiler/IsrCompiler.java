package dev.isr.compiler;

import dev.isr.compiler.CompileResult.PageResult;
import dev.isr.compiler.incremental.BuildStatus;
import dev.isr.compiler.incremental.FileStamp;
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
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The compiler: finds the pages of a {@link CompileRequest}, compiles each one for every target and
 * writes the result (SPEC §4, §5). One instance may serve several runs; it creates the Ruby
 * translator (and so boots JRuby) only when a run finds a changed Ruby page, keeps it for later runs,
 * and releases it on {@link #close()}.
 *
 * <p>Where a run spends its time, and so its order: pages are checked (stat, and read and hashed only when
 * their stamp changed) on every core; the first changed page starts JRuby's boot on a thread of its own, so
 * routing and checking the other pages and preparing the support files overlap the boot; the changed pages
 * then compile on every core ({@link Workers}), taking turns on the one JRuby runtime to translate, and the
 * output is written on a few threads ({@link BuildWriter}). A run where nothing changed renders and writes
 * nothing.
 */
public final class IsrCompiler implements AutoCloseable {

    private final Supplier<FrontMatterTranslator> translatorFactory;
    private final Clock clock;
    private FrontMatterTranslator translator;
    /** Set by whichever page-checking thread first finds a changed page. */
    private final AtomicBoolean bootStarted = new AtomicBoolean();

    /** A compiler over the Ruby translator. */
    public IsrCompiler() {
        this(RubyTranslator::new);
    }

    /** A compiler over another translator, created at most once and only when a page needs translating. */
    public IsrCompiler(Supplier<FrontMatterTranslator> translatorFactory) {
        this(translatorFactory, Clock.systemUTC());
    }

    /** @param clock tells how recently a page changed, which decides whether its {@link FileStamp} is trusted */
    IsrCompiler(Supplier<FrontMatterTranslator> translatorFactory, Clock clock) {
        this.translatorFactory = translatorFactory;
        this.clock = clock;
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
        Instant now = clock.instant();
        // the status is parsed while the targets are set up and the pages found
        CompletableFuture<Optional<BuildStatus>> previous = request.statusFile()
                .map(file -> CompletableFuture.supplyAsync(() -> BuildStatus.read(file)))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
        List<Target> targets = TargetRegistry.resolve(request.targets());
        PageFinder finder = new PageFinder(request.includes(), request.excludes());
        Path outputDirectory = request.outputDirectory().toAbsolutePath().normalize();
        Map<Target, ImportRebaser> rebasers = new LinkedHashMap<>();
        List<JavaPageTarget> javaTargets = new ArrayList<>();
        for (Target target : targets) {
            if (target instanceof JavaPageTarget javaTarget) {
                javaTargets.add(javaTarget); // it takes the Java pages, and has nothing to emit for a Ruby page
            } else {
                rebasers.put(target, new ImportRebaser(request.pagesDirectory(), outputDirectory.resolve(target.name())));
            }
        }
        Supplier<List<GeneratedFile>> supportFiles = memoized(() -> supportFiles(targets));
        String configuration = configuration(request, outputDirectory, supportFiles);
        PageFinder.Found found = finder.find(request.pagesDirectory());
        IncrementalState incremental = request.statusFile().isEmpty() ? IncrementalState.none()
                : new IncrementalState(joined(previous), request.toolVersion(), configuration);
        boolean bootedBefore = translator != null && translator.bootTime().isPresent();

        PagesByKind kinds = PagesByKind.split(found.pages(), !rebasers.isEmpty(), !javaTargets.isEmpty());
        // a run without a JavaScript target translates no Ruby page, so JRuby does not boot
        List<PageFile> pages = kinds.rubyPages();
        // stat (and, when changed, read and hash) the pages on every core; the first changed one starts JRuby's
        // boot, which then runs while the pages are routed and the unchanged ones recorded
        List<PageCheck> checks = pages.parallelStream().map(page -> {
            PageCheck check = PageCheck.of(page, FileStamp.of(found.attributes().get(page.source()), now), incremental);
            if (check.unchanged().isEmpty()) {
                startBoot();
            }
            return check;
        }).toList();
        RouteResolver.Resolved routes = new RouteResolver().resolve(pages);
        if (request.writeOutput() && checks.stream().anyMatch(check -> check.unchanged().isEmpty())) {
            supportFiles.get(); // read and rendered now, while JRuby boots, rather than after the pages
        }
        PageCompiler compiler = new PageCompiler(this::translator, rebasers, request.encoding());
        Run run = new Run(found.diagnostics());
        run.diagnostics.addAll(kinds.warnings(request.pagesDirectory()));
        List<Integer> toCompile = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            // an unchanged page whose route now clashes with another's is compiled, to fail with both
            if (checks.get(i).unchanged().isEmpty() || !routes.diagnosticsOf(pages.get(i).source()).isEmpty()) {
                toCompile.add(i);
            }
        }
        // on every core: the pages take turns on the one JRuby runtime to translate, and the other stages
        // (pragma, analysis, emit) of one page run while another translates
        List<PageCompiler.Outcome> compiled = Workers.map(toCompile, Runtime.getRuntime().availableProcessors(),
                "isr-compile", i -> {
                    PageFile page = pages.get(i);
                    return compiler.compile(page, routeOf(page, routes), routes.diagnosticsOf(page.source()),
                            checks.get(i).content(page));
                });
        Map<Integer, PageCompiler.Outcome> outcomes = new HashMap<>();
        for (int k = 0; k < toCompile.size(); k++) {
            outcomes.put(toCompile.get(k), compiled.get(k));
        }
        for (int i = 0; i < pages.size(); i++) {
            PageFile page = pages.get(i);
            Optional<Route> route = routeOf(page, routes);
            PageCompiler.Outcome outcome = outcomes.get(i);
            if (outcome == null) {
                run.skipped(page, route, checks.get(i).unchanged().orElseThrow());
            } else {
                run.compiled(route, checks.get(i), outcome);
            }
        }
        if (!kinds.javaPages().isEmpty()) {
            // JavaParser takes a while to load: only a run with Java pages pays for it
            new JavaPageStage(javaTargets, request.encoding(), incremental, now).compile(kinds.javaPages(), run);
        }
        run.results.sort(Comparator.comparing(PageResult::source));

        List<Path> removed = request.writeOutput()
                ? new BuildWriter(outputDirectory).write(run,
                        () -> withSiteFiles(targets, supportFiles.get(), run, routes), incremental, request, configuration)
                : List.of();
        Optional<Duration> rubyBoot = translator == null || bootedBefore ? Optional.empty() : translator.bootTime();
        return new CompileResult(run.results, run.diagnostics, removed,
                new CompileResult.Timings(Duration.ofNanos(System.nanoTime() - start), rubyBoot));
    }

    private static Optional<Route> routeOf(PageFile page, RouteResolver.Resolved routes) {
        return Optional.ofNullable(routes.routes().get(page.source()));
    }

    /** The value of a finished task, with its own exception (an I/O fault) rather than a wrapper. */
    private static <T> T joined(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static List<GeneratedFile> supportFiles(List<Target> targets) {
        List<GeneratedFile> out = new ArrayList<>();
        targets.forEach(target -> target.supportFiles().forEach(f -> out.add(f.under(target.name()))));
        return out;
    }

    /** The support files and each target's site files, built from every page, skipped ones too. */
    private static List<GeneratedFile> withSiteFiles(List<Target> targets, List<GeneratedFile> supportFiles, Run run,
                                                     RouteResolver.Resolved routes) {
        List<GeneratedFile> out = new ArrayList<>(supportFiles);
        for (Target target : targets) {
            target.siteFiles(run.routedPages(target.name(), routes.routes()))
                    .forEach(f -> out.add(f.under(target.name())));
        }
        return out;
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /**
     * Starts booting the translator's runtime on a thread of its own, once per translator: JRuby takes
     * seconds, which the pages' routing, reading and checking fill meanwhile; the first translate waits for it.
     */
    private void startBoot() {
        if (bootStarted.compareAndSet(false, true)) {
            Thread boot = new Thread(translator()::boot, "isr-jruby-boot");
            boot.setDaemon(true); // a build that fails meanwhile must not wait for it to exit
            boot.start();
        }
    }

    /** Releases the translator (and JRuby with it), if one was created. */
    @Override
    public synchronized void close() {
        if (translator != null) {
            translator.close();
            translator = null;
            bootStarted.set(false);
        }
    }

    private FrontMatterTranslator translator() {
        if (translator == null) {
            translator = translatorFactory.get();
        }
        return translator;
    }

    /**
     * Every setting that shapes the output: when any changes, no earlier output can be reused. The support
     * files are part of it ({@link SupportFingerprint}), so a new runtime recompiles even under an unchanged tool
     * version.
     */
    private static String configuration(CompileRequest request, Path outputDirectory,
                                        Supplier<List<GeneratedFile>> supportFiles) {
        return String.join("\n",
                "format=" + BuildStatus.FORMAT_VERSION,
                "targets=" + String.join(",", request.targets()),
                "includes=" + String.join(",", request.includes()),
                "excludes=" + String.join(",", request.excludes()),
                "encoding=" + request.encoding().name(),
                "pagesDirectory=" + request.pagesDirectory().toAbsolutePath().normalize(),
                "outputDirectory=" + outputDirectory,
                "support=" + SupportFingerprint.of(supportFiles));
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

        void compiled(Optional<Route> route, PageCheck check, PageCompiler.Outcome outcome) {
            compiled(route, check, outcome, Optional.empty());
        }

        /** @param javaRoute a Java pragma page's route as declared, kept in the status for when the page is skipped */
        void compiled(Optional<Route> route, PageCheck check, PageCompiler.Outcome outcome,
                      Optional<String> javaRoute) {
            PageResult result = outcome.result();
            results.add(result);
            diagnostics.addAll(outcome.diagnostics());
            if (result.status() == PageResult.Status.FAILED) {
                return; // the run has errors, so BuildWriter writes nothing: earlier outputs and status stay
            }
            files.addAll(outcome.files());
            entries.put(result.source(), new BuildStatus.PageEntry(check.sha256(), check.stamp(),
                    result.revalidateSeconds(), result.tags(), result.files(),
                    outcome.diagnostics().stream().filter(d -> !d.isError()).toList(), javaRoute));
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
