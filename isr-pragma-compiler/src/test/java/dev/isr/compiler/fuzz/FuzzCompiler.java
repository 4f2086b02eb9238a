package dev.isr.compiler.fuzz;

import dev.isr.compiler.CompileRequest;
import dev.isr.compiler.CompileResult;
import dev.isr.compiler.IsrCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One compiler over the real Ruby translator for every fuzz test in the test JVM, so they share one JRuby
 * boot; closed when the JVM exits. Also a throwaway project per input.
 */
final class FuzzCompiler {

    private static IsrCompiler compiler;

    private FuzzCompiler() {
    }

    /** The shared compiler, JRuby already booted: no input's time limit pays for the boot. */
    static synchronized IsrCompiler get() {
        if (compiler == null) {
            compiler = new IsrCompiler();
            Runtime.getRuntime().addShutdownHook(new Thread(compiler::close));
            Path warmUp = null;
            try {
                warmUp = Files.createTempDirectory("isr-fuzz-boot");
                Files.createDirectories(warmUp.resolve("pages"));
                Files.writeString(warmUp.resolve("pages/index.rb"), "@a = 1\n");
                compiler.compile(CompileRequest.of(warmUp.resolve("pages"), warmUp.resolve("out"), List.of("node")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteTree(warmUp);
            }
        }
        return compiler;
    }

    /**
     * Writes {@code bytes} as the page {@code source} of the new project folder {@code project} and compiles it for
     * {@code targets}.
     */
    static CompileResult compilePage(Path project, String source, byte[] bytes, List<String> targets) throws IOException {
        Path pages = project.resolve("pages");
        Files.createDirectories(pages.resolve(source).getParent());
        Files.write(pages.resolve(source), bytes);
        return get().compile(CompileRequest.of(pages, project.resolve("out"), targets));
    }

    /** Deletes a folder and everything in it; a file already gone is fine. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
