package dev.isr.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports generated node-target modules in real Node ({@code src/test/js/page-harness.mjs}) over a fake
 * model that counts its calls and the runtime's injected clock: caching, staleness, the cache status and age
 * of loadWithStatus, keys, uncached pages, and data left unassigned.
 */
class NodeExecutionTest {

    @TempDir
    Path dir;

    @Test
    void generatedModulesCacheAsTheirPragmasSay() throws Exception {
        Pages project = new Pages(dir)
                .write("posts/[slug].astro.rb", """
                        # Pragma: revalidate 60 tags: posts
                        import Counter, from: '../../models/counter.js'

                        @post = Counter.load(@@slug)
                        __END__
                        <h1>{post.arg}</h1>
                        """)
                .write("docs/[...path].astro.rb", """
                        # Pragma: revalidate 1h
                        import Counter, from: '../../models/counter.js'
                        @doc = Counter.load(@@path)
                        """)
                .write("live.rb", """
                        import Counter, from: '../models/counter.js'
                        @n = Counter.load("live")
                        @never = Counter.load("never") if @n.nil?
                        """);
        Path models = Files.createDirectories(dir.resolve("src/main/models"));
        Files.copy(Path.of("src/test/js/fixtures/counter.js"), models.resolve("counter.js"));

        CompileResult result = SharedCompiler.get().compile(project.request());
        assertEquals(List.of(), result.diagnostics());

        NodeProcess.Outcome outcome = NodeProcess.run(Path.of("."), "src/test/js/page-harness.mjs",
                project.out.resolve("node").toString(), models.toString());
        assertEquals(new NodeProcess.Outcome(0, "ok\n"), outcome);
    }
}
