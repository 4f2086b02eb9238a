package dev.isr.compiler;

import dev.isr.compiler.CompileResult.PageResult;
import dev.isr.compiler.incremental.BuildStatus;
import dev.isr.compiler.incremental.IncrementalState;
import dev.isr.compiler.java.JavaPageCompiler;
import dev.isr.compiler.java.JavaRoute;
import dev.isr.compiler.java.JvmCacheSpec;
import dev.isr.compiler.page.PageFile;
import dev.isr.compiler.page.PageText;
import dev.isr.compiler.page.Route;
import dev.isr.compiler.targets.CompiledJavaPage;
import dev.isr.compiler.targets.GeneratedFile;
import dev.isr.compiler.targets.JavaPageTarget;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Java pages of one run (SPEC §6), for the targets that take them: each page is skipped when
 * unchanged, otherwise parsed, checked and rewritten by {@link JavaPageCompiler} (no JRuby involved)
 * and emitted per target. A Java page's route is known only once it is compiled (its pragma may name
 * it), so two pages answering one route are found after all pages are through: both fail, because they
 * would share cache keys, and one page's cached data would be served as the other's.
 */
final class JavaPageStage {

    private final JavaPageCompiler compiler = new JavaPageCompiler();
    private final List<JavaPageTarget> targets;
    private final Charset encoding;
    private final IncrementalState incremental;
    private final Instant now;

    /** @param now the time of the run, to tell page stamps too recent to trust */
    JavaPageStage(List<JavaPageTarget> targets, Charset encoding, IncrementalState incremental, Instant now) {
        this.targets = List.copyOf(targets);
        this.encoding = encoding;
        this.incremental = incremental;
        this.now = now;
    }

    /**
     * One page on its way into the run: compiled now, or skipped as unchanged.
     *
     * @param javaRoute the route of a pragma page as declared, {@code /posts/{slug}}
     * @param route     the same route in the pipeline's terms, {@code /posts/[slug]}
     */
    private record Pending(PageFile page, PageCheck check, Optional<String> javaRoute, Optional<Route> route,
                           Optional<BuildStatus.PageEntry> unchanged, Optional<PageCompiler.Outcome> outcome) {
    }

    /** Compiles or skips every page in {@code pages} and records them in {@code run}, in page order. */
    void compile(List<PageFile> pages, IsrCompiler.Run run) {
        List<Pending> pending = new ArrayList<>();
        for (PageFile page : pages) {
            PageCheck check = PageCheck.of(page, incremental, now);
            Optional<BuildStatus.PageEntry> unchanged = check.unchanged();
            if (unchanged.isPresent()) {
                Optional<String> javaRoute = unchanged.get().javaRoute();
                pending.add(new Pending(page, check, javaRoute, javaRoute.map(JavaPageStage::storedRoute),
                        unchanged, Optional.empty()));
            } else {
                Compiled compiled = compile(page, check.content(page));
                pending.add(new Pending(page, check, compiled.javaRoute().map(JavaRoute::pattern),
                        compiled.javaRoute().map(JavaRoute::asPageRoute), Optional.empty(), Optional.of(compiled.outcome())));
            }
        }
        Map<String, List<Diagnostic>> duplicates = duplicateRoutes(pending);
        for (Pending page : pending) {
            List<Diagnostic> clash = duplicates.getOrDefault(page.page().source(), List.of());
            if (!clash.isEmpty()) {
                run.compiled(page.route(), page.check(), failed(page, clash));
            } else if (page.unchanged().isPresent()) {
                run.skipped(page.page(), page.route(), page.unchanged().get());
            } else {
                run.compiled(page.route(), page.check(), page.outcome().orElseThrow(), page.javaRoute());
            }
        }
    }

    private record Compiled(PageCompiler.Outcome outcome, Optional<JavaRoute> javaRoute) {
    }

    private Compiled compile(PageFile page, byte[] bytes) {
        String text;
        try {
            text = PageText.decode(bytes, encoding);
        } catch (CharacterCodingException e) {
            List<Diagnostic> diagnostics = List.of(PageCompiler.notValidText(page, encoding));
            return new Compiled(new PageCompiler.Outcome(result(page, Optional.empty(), OptionalLong.empty(), List.of(),
                    Map.of(), PageResult.Status.FAILED), List.of(), diagnostics), Optional.empty());
        }
        // as for Ruby pages: the same bytes whichever editor saved the page (and javac refuses a byte order mark)
        String normalised = (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n");
        JavaPageCompiler.Result result = compiler.compile(page.source(), page.displayPath(), normalised);
        Optional<Route> route = result.route().map(JavaRoute::asPageRoute);
        OptionalLong revalidate = result.spec().map(spec -> OptionalLong.of(spec.revalidateSeconds())).orElse(OptionalLong.empty());
        List<String> tags = result.spec().map(JvmCacheSpec::tags).orElse(List.of());
        if (result.output().isEmpty()) {
            return new Compiled(new PageCompiler.Outcome(result(page, route, revalidate, tags, Map.of(), PageResult.Status.FAILED),
                    List.of(), result.diagnostics()), result.route());
        }
        CompiledJavaPage compiled = new CompiledJavaPage(page, result.output().get(), result.spec(), result.route());
        List<GeneratedFile> files = new ArrayList<>();
        Map<String, List<String>> filesByTarget = new LinkedHashMap<>();
        for (JavaPageTarget target : targets) {
            List<GeneratedFile> placed = target.javaPageFiles(compiled).stream().map(f -> f.under(target.name())).toList();
            files.addAll(placed);
            filesByTarget.put(target.name(), placed.stream().map(GeneratedFile::path).toList());
        }
        PageResult compiledResult = result(page, route, revalidate, tags, filesByTarget, PageResult.Status.COMPILED);
        return new Compiled(new PageCompiler.Outcome(compiledResult, files, result.diagnostics()), result.route());
    }

    /** The status keeps the route as the pragma page declared it; it parsed then, so it parses now. */
    private static Route storedRoute(String pattern) {
        try {
            return JavaRoute.parse(pattern).asPageRoute();
        } catch (JavaRoute.InvalidRouteException e) {
            throw new IllegalStateException("the build status holds an invalid route " + pattern, e);
        }
    }

    /** An error on each of two pages whose routes match the same URLs, by page source. */
    private static Map<String, List<Diagnostic>> duplicateRoutes(List<Pending> pending) {
        Map<String, PageFile> byShape = new LinkedHashMap<>();
        Map<String, List<Diagnostic>> out = new LinkedHashMap<>();
        for (Pending page : pending) {
            if (page.route().isEmpty()) {
                continue;
            }
            Route route = page.route().get();
            PageFile first = byShape.putIfAbsent(route.shape(), page.page());
            if (first != null) {
                String message = "Java pages " + first.source() + " and " + page.page().source() + " both answer the route "
                        + route.path() + ", so they would share cache keys; change the route of one of them";
                out.computeIfAbsent(first.source(), k -> new ArrayList<>()).add(Diagnostic.error(first.displayPath(), 0, 0, message, ""));
                out.computeIfAbsent(page.page().source(), k -> new ArrayList<>())
                        .add(Diagnostic.error(page.page().displayPath(), 0, 0, message, ""));
            }
        }
        return out;
    }

    /** A page refused for its route: no files, and its own findings with the clash. */
    private static PageCompiler.Outcome failed(Pending page, List<Diagnostic> clash) {
        List<Diagnostic> diagnostics = new ArrayList<>(clash);
        page.outcome().ifPresent(outcome -> diagnostics.addAll(outcome.diagnostics()));
        page.unchanged().ifPresent(entry -> diagnostics.addAll(entry.warnings()));
        OptionalLong revalidate = page.unchanged().map(BuildStatus.PageEntry::revalidateSeconds)
                .orElseGet(() -> page.outcome().orElseThrow().result().revalidateSeconds());
        List<String> tags = page.unchanged().map(BuildStatus.PageEntry::tags)
                .orElseGet(() -> page.outcome().orElseThrow().result().tags());
        return new PageCompiler.Outcome(result(page.page(), page.route(), revalidate, tags, Map.of(), PageResult.Status.FAILED),
                List.of(), diagnostics);
    }

    private static PageResult result(PageFile page, Optional<Route> route, OptionalLong revalidate, List<String> tags,
                                     Map<String, List<String>> files, PageResult.Status status) {
        return new PageResult(page.source(), route.map(Route::path).orElse(""), route.map(Route::keyPattern).orElse(""),
                revalidate, tags, files, status);
    }
}
