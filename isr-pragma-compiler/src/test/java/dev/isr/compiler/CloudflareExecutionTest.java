package dev.isr.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports generated cloudflare-target modules in real Node ({@code src/test/js/cloudflare-harness.mjs})
 * over a Cache API stand-in, a recording execution context and the runtime's injected clock: MISS, FRESH,
 * STALE with its refresh handed to {@code ctx.waitUntil}, the context a cached page requires, uncached
 * pages, and the route table of {@code _isr/routes.js} (order, decoding, params, catch-alls).
 * The same modules inside workerd are exercised by the example blog's worker test.
 */
class CloudflareExecutionTest {

    @TempDir
    Path dir;

    @Test
    void generatedModulesAndRouteTableServeAWorker() throws Exception {
        Pages project = new Pages(dir)
                .write("posts/[slug].astro.rb", """
                        # Pragma: revalidate 60 tags: posts
                        import Counter, from: '../../models/counter.js'

                        @post = Counter.load(@@slug)
                        __END__
                        <h1>{post.arg}</h1>
                        """)
                .write("posts/index.rb", "# Pragma: revalidate 60 tags: posts\n@list = 1\n")
                .write("posts/new.rb", "@form = 1\n")
                .write("live.rb", "import Counter, from: '../models/counter.js'\n@n = Counter.load(\"live\")\n")
                .write("index.rb", "@home = 1\n")
                .write("shop/[category]/items.rb", "@category = @@category\n")
                .write("shop/[category]/[id].rb", "# Pragma: revalidate 5m\n@item = @@id\n")
                .write("x/[__proto__].rb", "@x = 1\n")
                .write("docs/[...path].rb", "# Pragma: revalidate 1h\n@path = @@path\n")
                .write("[...all].rb", "@all = 1\n");
        Path models = Files.createDirectories(dir.resolve("src/main/models"));
        Files.copy(Path.of("src/test/js/fixtures/counter.js"), models.resolve("counter.js"));

        CompileResult result = SharedCompiler.get().compile(project.request(List.of("cloudflare")));
        assertEquals(List.of(), result.diagnostics());

        NodeProcess.Outcome outcome = NodeProcess.run(Path.of("."), "src/test/js/cloudflare-harness.mjs",
                project.out.resolve("cloudflare").toString(), models.toString());
        assertEquals(new NodeProcess.Outcome(0, "ok\n"), outcome);
    }
}
