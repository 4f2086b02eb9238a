package dev.isr.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.CompileResult;
import dev.isr.compiler.CompileResult.PageResult;
import dev.isr.compiler.Diagnostic;
import dev.isr.compiler.targets.TargetRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The whole pipeline, through the compiler's public entry, on any page bytes, for every target: the only
 * outcomes are a compiled page or diagnostics — never an exception, never a hang, and never a written file
 * for a page with errors. One JRuby boot serves every input.
 */
@AddLifecycleHook(FuzzTriesHook.class)
class CompilerFuzzTest {

    /** Where the fuzzed page sits: a static route, a param and a catch-all exercise every key shape. */
    private static final List<String> SOURCES =
            List.of("p.astro.rb", "posts/[slug].astro.rb", "docs/[...path].rb", "api/stats.jsx.rb");
    /** Generous: the shared machine is noisy, and a hang is still caught. */
    private static final Bounded BOUNDED = new Bounded(Duration.ofSeconds(30));
    private static final AtomicInteger TRY = new AtomicInteger();

    private static Path root;

    @BeforeContainer
    static void bootOnce() throws IOException {
        root = Files.createTempDirectory("isr-fuzz");
        FuzzCompiler.get();
    }

    @AfterContainer
    static void tearDown() {
        try {
            FuzzCompiler.deleteTree(root);
        } catch (UncheckedIOException e) {
            // a try that jqwik's shrinking time limit abandoned may still be writing its project; leave the rest
        }
    }

    @Provide
    Arbitrary<byte[]> pageBytes() {
        return Arbitraries.frequencyOf(
                Tuple.of(9, Inputs.pageTexts(5_000, 1_500).map(t -> t.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)));
    }

    @Property
    @FuzzTries(ci = 150, campaign = "fuzz.pipeline.tries")
    void anyPageCompilesOrFailsWithDiagnosticsAndNoOutput(@ForAll("pageBytes") byte[] bytes,
                                                          @ForAll("sources") String source) throws IOException {
        Path project = root.resolve("try-" + TRY.incrementAndGet());
        Path out = project.resolve("out");
        String shown = new String(bytes, StandardCharsets.ISO_8859_1);
        try {
            CompileResult result = BOUNDED.call(shown,
                    () -> FuzzCompiler.compilePage(project, source, bytes, TargetRegistry.names()));

            assertEquals(1, result.pages().size());
            PageResult page = result.pages().get(0);
            int lines = lineCount(shown);
            for (Diagnostic d : result.diagnostics()) {
                assertTrue(d.path().endsWith(source), d.path());
                assertTrue(d.line() >= 0 && d.line() <= lines + 1, "line " + d.line() + " of " + lines + ": " + d.format());
                assertTrue(d.column() >= 0, d.format());
                assertFalse(d.message().isBlank());
            }
            if (result.hasErrors()) {
                assertEquals(PageResult.Status.FAILED, page.status());
                assertEquals(List.of(), filesUnder(out), "a page with errors writes nothing");
            } else {
                assertEquals(PageResult.Status.COMPILED, page.status());
                page.files().values().forEach(files -> files.forEach(f -> assertTrue(Files.isRegularFile(out.resolve(f)), f)));
            }
        } finally {
            FuzzCompiler.deleteTree(project);
        }
    }

    @Provide
    Arbitrary<String> sources() {
        return Arbitraries.of(SOURCES);
    }

    /** Lines as the page has them; a lone {@code \r} may end a line for the Ruby parser, so it counts too. */
    private static int lineCount(String text) {
        return (int) text.chars().filter(c -> c == '\n' || c == '\r').count() + 1;
    }

    private static List<String> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
        }
    }
}
