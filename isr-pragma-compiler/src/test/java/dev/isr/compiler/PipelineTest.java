package dev.isr.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.CompileResult.PageResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's own behaviour around pages and files, over the {@link LineTranslator} stand-in. */
class PipelineTest {

    @TempDir
    Path dir;

    private CompileResult compile(CompileRequest request) {
        try (IsrCompiler compiler = new IsrCompiler(LineTranslator::new)) {
            return compiler.compile(request);
        }
    }

    @Test
    void aRunWithErrorsWritesNothingAtAllAndReportsEveryDiagnostic() {
        Pages project = new Pages(dir)
                .write("good.astro.rb", "@a = 1\n__END__\n<p>{a}</p>\n")
                .write("bad.astro.rb", "# Pragma: revalidate soon\n@a = 1\nfail translator says no\n__END__\n<p/>\n")
                .write("worse/[x.rb", "@a = 1\n")
                .write("typo.rb", "# Pragma: revalidte 5\n@a = 1\n");

        CompileResult result = compile(project.request());

        assertEquals(List.of(
                "src/main/pages/bad.astro.rb:1:22: error: malformed revalidate duration 'soon'",
                "src/main/pages/bad.astro.rb:3:1: error: translator says no",
                "src/main/pages/typo.rb:1:11: warning: 'revalidte' is not a pragma this compiler knows",
                "src/main/pages/worse/[x.rb: error: malformed route param '[x'"),
                result.diagnostics().stream().map(d -> d.headline().replace(dir + "/", "")
                        .replaceFirst("(: (error|warning): [^:;]*).*", "$1")).toList());
        assertEquals(Map.of("bad.astro.rb", Status.FAILED, "good.astro.rb", Status.COMPILED,
                        "typo.rb", Status.COMPILED, "worse/[x.rb", Status.FAILED),
                result.pages().stream().collect(java.util.stream.Collectors.toMap(p -> p.source(), p -> p.status())));
        // not the good page, not the runtime, not the manifest: no partial build for tools downstream
        assertFalse(Files.exists(project.out));
        assertFalse(Files.exists(project.status));
    }

    @Test
    void validateOnlyWritesNothing() {
        Pages project = new Pages(dir).write("a.astro.rb", "@a = 1\n");
        CompileResult result = compile(project.request().validateOnly());
        assertEquals(Status.COMPILED, result.pages().get(0).status());
        assertEquals(Map.of("node", List.of("node/a.js")), result.pages().get(0).files());
        assertFalse(Files.exists(project.out));
        assertFalse(Files.exists(project.status));
    }

    @Test
    void anUnknownTargetIsRefusedBeforeAnyWork() {
        Pages project = new Pages(dir).write("a.astro.rb", "@a = 1\n");
        LineTranslator.CREATED.set(0);
        var e = assertThrows(IllegalArgumentException.class, () -> compile(
                CompileRequest.of(project.pages, project.out, List.of("node", "deno"))));
        assertEquals("unknown target 'deno'; valid targets: " + String.join(", ", dev.isr.compiler.targets.TargetRegistry.names()),
                e.getMessage());
        assertTrue(e.getMessage().contains("valid targets: node, browser"), e.getMessage());
        assertFalse(Files.exists(project.out));
        assertEquals(0, LineTranslator.CREATED.get());
    }

    @Test
    void javaPagesWithoutTheJvmTargetAreLeftAloneWithAWarning() {
        Pages project = new Pages(dir).write("Home.java", "class Home {}").write("a.rb", "@a = 1\n");
        CompileResult result = compile(project.request());
        assertEquals(List.of("a.rb"), result.pages().stream().map(p -> p.source()).toList());
        assertEquals(List.of(project.pages + ": warning: 1 Java page found, but the jvm target is off: it is not compiled;"
                + " add jvm to the targets, or exclude them (**/*.java)"),
                result.diagnostics().stream().map(Diagnostic::headline).toList());
    }

    @Test
    void aPageThatIsNotValidInItsEncodingIsAnError() throws Exception {
        Pages project = new Pages(dir).write("a.rb", "");
        Files.write(project.pages.resolve("a.rb"), new byte[] {'@', 'a', ' ', '=', ' ', (byte) 0xe9});
        CompileResult result = compile(project.request());
        assertEquals("the page is not valid UTF-8 text; save it as UTF-8 or set the encoding",
                result.diagnostics().get(0).message());
        assertFalse(Files.exists(project.out.resolve("node/a.js")));
    }

    @Test
    void aPragmaPageWithoutDataWarnsThatThereIsNothingToCache() {
        Pages project = new Pages(dir).write("a.rb", "# Pragma: revalidate 60\nputs 1\n");
        CompileResult result = compile(project.request());
        assertEquals(List.of(Diagnostic.warning(project.pages.resolve("a.rb").toString(), 1, 11,
                "nothing to cache: the page has a revalidate pragma but assigns no @variable; assign its data to"
                        + " @variables or remove the pragma", "# Pragma: revalidate 60")), result.diagnostics());
        assertTrue(project.read("node/a.js").contains("return {};"));
    }

    @Test
    void dataNamesThatCannotBeJavaScriptVariablesAreErrors() {
        Pages project = new Pages(dir).write("a.rb", "x = 1\n@params = 2\n@class = 3\n");
        List<String> headlines = compile(project.request()).diagnostics().stream()
                .map(d -> d.headline().replace(project.pages + "/", "")).toList();
        assertEquals(List.of(
                "a.rb:2:1: error: @params cannot be page data: the generated code uses 'params' beside the data; rename the variable",
                "a.rb:3:1: error: @class cannot be page data: 'class' is reserved in JavaScript; rename the variable"),
                headlines);
    }

    @Test
    void theManifestListsEveryPage() {
        Pages project = new Pages(dir)
                .write("posts/[slug].astro.rb", "# Pragma: revalidate 5m tags: posts\n@post = 1\n__END__\n<p/>\n")
                .write("about.jsx.rb", "@a = 1\n__END__\n<p/>\n");
        compile(project.request());
        assertEquals("""
                {
                  "format": 1,
                  "generator": "isr-pragma-compiler",
                  "pages": [
                    {
                      "source": "about.jsx.rb",
                      "route": "/about",
                      "params": [],
                      "keyPattern": "page:/about",
                      "revalidate": null,
                      "tags": [],
                      "files": {
                        "node": ["node/about.js"]
                      }
                    },
                    {
                      "source": "posts/[slug].astro.rb",
                      "route": "/posts/[slug]",
                      "params": ["slug"],
                      "keyPattern": "page:/posts/${slug}",
                      "revalidate": 300,
                      "tags": ["posts"],
                      "files": {
                        "node": ["node/posts/[slug].astro", "node/posts/[slug].js"]
                      }
                    }
                  ],
                  "shared": {
                    "node": ["node/_isr/isr-core.js", "node/_isr/isr-redis.js", "node/_isr/isr.js", "node/_isr/params.js", "node/package.json"]
                  }
                }
                """, project.read("isr-manifest.json"));
    }
}
