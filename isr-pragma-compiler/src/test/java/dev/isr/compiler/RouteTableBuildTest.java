package dev.isr.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.isr.compiler.CompileResult.PageResult;
import dev.isr.compiler.CompileResult.PageResult.Status;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloudflare target's {@code _isr/routes.js} is built from every page of a run, so incremental runs
 * must keep it whole: a page added beside skipped ones joins the table, a deleted one leaves it, a page
 * that fails keeps its last good module in it (over the {@link LineTranslator} stand-in).
 */
class RouteTableBuildTest {

    private static final Pattern IMPORT = Pattern.compile("(?m)^import \\* as p\\d+ from \"([^\"]+)\";");
    @TempDir
    Path dir;

    @Test
    void theRouteTableListsEveryPageAfterEachIncrementalRun() throws IOException {
        Pages project = new Pages(dir)
                .write("index.rb", "@a = 1\n")
                .write("posts/[slug].rb", "# Pragma: revalidate 60\n@post = params.slug\n");
        try (IsrCompiler compiler = new IsrCompiler(LineTranslator::new)) {
            assertEquals(List.of(), compile(compiler, project).diagnostics());
            assertEquals(List.of("../index.js", "../posts/[slug].js"), tableImports(project));

            project.write("posts/index.rb", "@list = 1\n");
            CompileResult added = compile(compiler, project);
            assertEquals(Map.of("index.rb", Status.SKIPPED, "posts/[slug].rb", Status.SKIPPED, "posts/index.rb", Status.COMPILED),
                    added.pages().stream().collect(Collectors.toMap(PageResult::source, PageResult::status)));
            assertEquals(List.of("../index.js", "../posts/index.js", "../posts/[slug].js"), tableImports(project));

            Files.delete(project.pages.resolve("posts/index.rb"));
            compile(compiler, project);
            assertEquals(List.of("../index.js", "../posts/[slug].js"), tableImports(project));
            assertFalse(Files.exists(project.out.resolve("cloudflare/posts/index.js")));

            project.write("posts/[slug].rb", "# Pragma: revalidate 60\nfail broken on purpose\n");
            CompileResult failed = compile(compiler, project);
            assertTrue(failed.diagnostics().stream().anyMatch(Diagnostic::isError));
            assertEquals(List.of("../index.js", "../posts/[slug].js"), tableImports(project),
                    "a failed page keeps its last good module, and the table its route");
        }
    }

    private static CompileResult compile(IsrCompiler compiler, Pages project) {
        return compiler.compile(project.request(List.of("cloudflare")));
    }

    private static List<String> tableImports(Pages project) {
        Matcher imports = IMPORT.matcher(project.read("cloudflare/_isr/routes.js"));
        return imports.results().map(m -> m.group(1)).toList();
    }
}
