package dev.isr.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole output trees: {@code golden/<case>/pages/**} compiled for {@link #TARGETS} must equal
 * {@code golden/<case>/expected/**}, file for file (the set of files too). The runtime modules copied
 * from isr-runtime are compared with their classpath originals instead, so a runtime change does not
 * churn the goldens. Run with {@code -Dgolden.update=true} to rewrite the expected trees, then read the
 * diff: it is what users read.
 */
class GoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    /** Every case is compiled for these targets; each has its folder in the expected tree. */
    private static final List<String> TARGETS = List.of("node", "browser", "cloudflare", "vercel");
    private static final Path RUNTIME_COPY = Path.of("_isr");
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"blog", "routes", "templates"})
    void outputTreeMatchesTheGolden(String name) throws IOException {
        Map<String, String> actual = compile(name, dir.resolve("a"));
        // same pages, another absolute location: byte-identical output
        assertEquals(actual, compile(name, dir.resolve("elsewhere/b")));

        Path expectedDir = GOLDEN.resolve(name).resolve("expected");
        if (UPDATE) {
            rewrite(expectedDir, actual);
        }
        Map<String, String> expected = Pages.tree(expectedDir);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), "the set of generated files");
        for (Map.Entry<String, String> file : expected.entrySet()) {
            assertEquals(file.getValue(), actual.get(file.getKey()), file.getKey());
        }
    }

    /** Compiles a golden case inside a fresh project at {@code root}; returns the output tree without the copied runtime. */
    private Map<String, String> compile(String name, Path root) throws IOException {
        Pages project = new Pages(root);
        copy(GOLDEN.resolve(name).resolve("pages"), project.pages);
        CompileResult result = SharedCompiler.get().compile(project.request(TARGETS));
        assertEquals(List.of(), result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList());
        Map<String, String> tree = new TreeMap<>(project.outputTree());
        tree.keySet().removeIf(file -> isRuntimeCopy(project.out, file));
        return tree;
    }

    /** A target's {@code _isr/} file that is a runtime module of the isr-runtime jar, asserted equal to it. */
    private static boolean isRuntimeCopy(Path out, String file) {
        Path path = Path.of(file);
        if (path.getNameCount() != 3 || !path.getParent().getFileName().equals(RUNTIME_COPY)) {
            return false;
        }
        try (InputStream original = GoldenTest.class.getClassLoader()
                .getResourceAsStream("META-INF/isr/js/" + path.getFileName())) {
            if (original == null) {
                return false;
            }
            assertArrayEquals(original.readAllBytes(), Files.readAllBytes(out.resolve(file)), file);
            return true;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    private static void rewrite(Path expectedDir, Map<String, String> actual) throws IOException {
        if (Files.exists(expectedDir)) {
            try (Stream<Path> old = Files.walk(expectedDir)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> file : actual.entrySet()) {
            Path target = expectedDir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }
}
