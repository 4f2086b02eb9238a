package dev.isr.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports generated vercel-target pages in real Node ({@code src/test/js/vercel-harness.mjs}) and calls
 * them as Next.js does: the ISR exports, getStaticPaths for dynamic routes, getServerSideProps for pages
 * without a pragma, the conversion of page data to JSON props, and a page whose name and strings hold
 * JavaScript's special characters. That {@code next build} recognises
 * the pages as ISR is proven by the example app ({@code examples/blog/test/next.test.mjs}).
 */
class VercelExecutionTest {

    private static final String MODEL = "import Model, from: '../models/vercel-model.js'\n";
    /** A page name full of what could break out of a string literal, a line comment or a URL path segment. */
    static final String ODD_NAME = "q\"u`o${x}\u2028l\ni'ne%?#";

    @TempDir
    Path dir;

    @Test
    void generatedPagesBehaveAsNextJsExpects() throws Exception {
        Pages project = new Pages(dir)
                .write("list.rb", "# Pragma: revalidate 60\n" + MODEL + """
                        @items = Model.lazy([1, 2])
                        @at = Model.when()
                        @author = Model.author("Ann")
                        @missing = Model.nothing()
                        @special = Model.special()
                        """)
                .write("posts/[slug].rb", "# Pragma: revalidate 5m\n@slug = @@slug\n")
                .write("docs/[...path].rb", "# Pragma: revalidate 0\n@path = @@path\n")
                .write("live.rb", "@n = 1\n")
                .write("bad.rb", "# Pragma: revalidate 10\n" + MODEL + "@greeter = Model.greet()\n")
                .write("loop.rb", "# Pragma: revalidate 10\n" + MODEL + "@node = Model.loop()\n")
                .write(ODD_NAME + ".rb", "# Pragma: revalidate 10\n" + MODEL + "@s = 'a\"b`c${x}*/</script>'\n");
        Path models = Files.createDirectories(dir.resolve("src/main/models"));
        Files.copy(Path.of("src/test/js/fixtures/vercel-model.js"), models.resolve("vercel-model.js"));

        CompileResult result = SharedCompiler.get().compile(project.request(List.of("vercel")));
        assertEquals(List.of(), result.diagnostics());

        NodeProcess.Outcome outcome = NodeProcess.run(Path.of("."), "src/test/js/vercel-harness.mjs",
                project.out.resolve("vercel").toString(), models.toString(), ODD_NAME);
        assertEquals(new NodeProcess.Outcome(0, "ok\n"), outcome);
    }
}
