package dev.isr.compiler.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.CompileRequest;
import dev.isr.compiler.CompileResult;
import dev.isr.compiler.CompileResult.PageResult.Status;
import dev.isr.compiler.Diagnostic;
import dev.isr.compiler.IsrCompiler;
import dev.isr.runtime.Isr;
import dev.isr.runtime.IsrResult;
import dev.isr.runtime.IsrStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java pages through the whole pipeline with the {@code jvm} target: found, compiled or skipped,
 * written under {@code jvm/}, listed in the manifest and the build status, and compiled by javac.
 * The compiler is built over a translator that fails the test when created: Java pages never need JRuby.
 */
class JvmPipelineTest {

    private static final String LIST_PAGE = """
            package blog;

            import java.util.List;

            // Pragma: revalidate 60 tags: posts
            public class PostsPage {
                public static final java.util.concurrent.atomic.AtomicInteger QUERIES = new java.util.concurrent.atomic.AtomicInteger();

                public List<String> load() {
                    QUERIES.incrementAndGet();
                    return List.of("hello", "world");
                }
            }
            """;
    private static final String DETAIL_PAGE = """
            package blog;

            /** Pragma: revalidate 5m tags: posts, comments route: /jvm-pipeline/posts/{slug} */
            public class PostPage {
                public String load(String slug) {
                    return "post " + slug;
                }
            }
            """;
    private static final String PLAIN_PAGE = """
            package blog;

            public class AboutPage {
                public String title() {
                    return "About";
                }
            }
            """;

    @TempDir
    Path dir;

    private Path pages() {
        return dir.resolve("src/main/pages");
    }

    private Path out() {
        return dir.resolve("target/generated-sources/isr");
    }

    private JvmPipelineTest write(String source, String text) {
        try {
            Path file = pages().resolve(source);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JvmPipelineTest blog() {
        return write("blog/PostsPage.java", LIST_PAGE).write("blog/PostPage.java", DETAIL_PAGE)
                .write("blog/AboutPage.java", PLAIN_PAGE);
    }

    private CompileRequest request(String... targets) {
        return CompileRequest.of(pages(), out(), List.of(targets)).withStatusFile(dir.resolve("target/isr/status.txt"));
    }

    /** A compiler whose Ruby translator may not be created: a run that boots JRuby fails the test. */
    private static CompileResult compileWithoutRuby(CompileRequest request) {
        Supplier<dev.isr.compiler.FrontMatterTranslator> noRuby = () -> {
            throw new AssertionError("a run without Ruby pages to compile created the Ruby translator");
        };
        try (IsrCompiler compiler = new IsrCompiler(noRuby)) {
            return compiler.compile(request);
        }
    }

    private Map<String, String> outputTree() throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(out())) {
            try (Stream<Path> walk = Files.walk(out())) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(out().relativize(file).toString().replace('\\', '/'), Files.readString(file));
                }
            }
        }
        return files;
    }

    private static Map<String, Status> statuses(CompileResult result) {
        Map<String, Status> out = new TreeMap<>();
        result.pages().forEach(page -> out.put(page.source(), page.status()));
        return out;
    }

    @Test
    void writesEveryJavaPageUnderJvmAndListsThemInTheManifest() throws Exception {
        blog();
        CompileResult result = compileWithoutRuby(request("jvm"));

        assertEquals(List.of(), result.diagnostics());
        assertEquals(List.of("blog/AboutPage.java", "blog/PostPage.java", "blog/PostsPage.java"),
                result.pages().stream().map(CompileResult.PageResult::source).toList());
        Map<String, String> tree = outputTree();
        assertEquals(List.of("isr-manifest.json", "jvm/blog/AboutPage.java", "jvm/blog/PostPage.java", "jvm/blog/PostsPage.java"),
                List.copyOf(tree.keySet()));
        assertEquals("// Generated by isr-pragma-compiler from blog/AboutPage.java. Do not edit.\n" + PLAIN_PAGE,
                tree.get("jvm/blog/AboutPage.java"));
        assertTrue(tree.get("jvm/blog/PostPage.java").contains("public IsrResult<String> loadWithStatus(String slug) {"));

        // a Java file without pragma may be any class (a repository, a record): the compiler does not route it
        assertEquals("""
                {
                  "format": 1,
                  "generator": "isr-pragma-compiler",
                  "pages": [
                    {
                      "source": "blog/AboutPage.java",
                      "route": null,
                      "params": [],
                      "keyPattern": null,
                      "revalidate": null,
                      "tags": [],
                      "files": {
                        "jvm": ["jvm/blog/AboutPage.java"]
                      }
                    },
                    {
                      "source": "blog/PostPage.java",
                      "route": "/jvm-pipeline/posts/[slug]",
                      "params": ["slug"],
                      "keyPattern": "page:/jvm-pipeline/posts/${slug}",
                      "revalidate": 300,
                      "tags": ["posts", "comments"],
                      "files": {
                        "jvm": ["jvm/blog/PostPage.java"]
                      }
                    },
                    {
                      "source": "blog/PostsPage.java",
                      "route": "/blog/posts",
                      "params": [],
                      "keyPattern": "page:/blog/posts",
                      "revalidate": 60,
                      "tags": ["posts"],
                      "files": {
                        "jvm": ["jvm/blog/PostsPage.java"]
                      }
                    }
                  ],
                  "shared": {}
                }
                """, tree.get("isr-manifest.json"));
    }

    @Test
    void theJvmFolderCompilesAndCachesEachPageThroughTheRuntime() throws Exception {
        blog();
        compileWithoutRuby(request("jvm"));
        Map<String, String> sources = new TreeMap<>();
        outputTree().forEach((file, text) -> {
            if (file.startsWith("jvm/")) {
                sources.put(file.substring("jvm/".length()), text);
            }
        });
        ClassLoader classes = TestCompiler.compile(dir.resolve("javac"), sources);

        Class<?> list = classes.loadClass("blog.PostsPage");
        Object listPage = list.getConstructor().newInstance();
        AtomicInteger queries = (AtomicInteger) list.getField("QUERIES").get(null);
        Isr.invalidate("page:/blog/posts");
        Method loadWithStatus = list.getMethod("loadWithStatus");
        assertEquals(IsrStatus.MISS, ((IsrResult<?>) loadWithStatus.invoke(listPage)).status());
        assertEquals(List.of("hello", "world"), list.getMethod("load").invoke(listPage));
        assertEquals(IsrStatus.FRESH, ((IsrResult<?>) loadWithStatus.invoke(listPage)).status());
        assertEquals(1, queries.get(), "two loads after the miss, one query");

        Class<?> detail = classes.loadClass("blog.PostPage");
        assertEquals("page:/jvm-pipeline/posts/a%2Fb", detail.getMethod("cacheKey", String.class).invoke(null, "a/b"));
        assertEquals("post a/b", detail.getMethod("load", String.class).invoke(detail.getConstructor().newInstance(), "a/b"));
    }

    @Test
    void rubyAndJavaPagesEachGoToTheirOwnTargets() throws Exception {
        blog().write("index.astro.rb", "# Pragma: revalidate 60\n@a = 1\n__END__\n<p>{a}</p>\n");
        CompileResult result;
        try (IsrCompiler compiler = new IsrCompiler()) {
            // the real translator: JavaScript targets still compile Ruby pages next to Java ones
            result = compiler.compile(request("node", "jvm"));
        }
        assertEquals(List.of(), result.diagnostics());
        Map<String, List<String>> rubyFiles = result.pages().stream()
                .filter(page -> page.source().equals("index.astro.rb")).findFirst().orElseThrow().files();
        assertEquals(List.of("node"), List.copyOf(rubyFiles.keySet()), "a Ruby page has no JVM output");
        Map<String, List<String>> javaFiles = result.pages().stream()
                .filter(page -> page.source().equals("blog/PostPage.java")).findFirst().orElseThrow().files();
        assertEquals(Map.of("jvm", List.of("jvm/blog/PostPage.java")), javaFiles, "a Java page has no JavaScript output");
        assertFalse(outputTree().keySet().stream().anyMatch(file -> file.startsWith("node/blog/")));
    }

    @Test
    void rubyPagesWithoutAJavaScriptTargetAreLeftAloneWithAWarningAndWithoutJRuby() throws Exception {
        blog().write("index.astro.rb", "@a = 1\n").write("about.rb", "@b = 2\n");
        CompileResult result = compileWithoutRuby(request("jvm"));
        assertEquals(List.of(pages() + ": warning: 2 Ruby pages found, but no target compiles Ruby pages (jvm compiles"
                + " Java pages only): they are not compiled; add a JavaScript target such as node, or exclude them (**/*.rb)"),
                result.diagnostics().stream().map(Diagnostic::headline).toList());
        assertEquals(3, result.pages().size());
        assertTrue(result.timings().rubyBoot().isEmpty());
    }

    @Test
    void anUnchangedBuildSkipsJavaPagesAndAnEditRecompilesOnlyThatPage() throws Exception {
        blog();
        compileWithoutRuby(request("jvm"));
        for (String file : outputTree().keySet()) {
            Files.setLastModifiedTime(out().resolve(file), FileTime.fromMillis(1_000_000_000_000L));
        }
        Map<String, String> before = outputTree();

        CompileResult unchanged = compileWithoutRuby(request("jvm"));
        assertEquals(Map.of("blog/AboutPage.java", Status.SKIPPED, "blog/PostPage.java", Status.SKIPPED,
                "blog/PostsPage.java", Status.SKIPPED), statuses(unchanged));
        assertEquals(before, outputTree(), "the manifest of a skipped run still lists the routes");
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(out().resolve("jvm/blog/PostPage.java")));

        write("blog/PostsPage.java", LIST_PAGE.replace("\"world\"", "\"there\""));
        CompileResult edited = compileWithoutRuby(request("jvm"));
        assertEquals(Map.of("blog/AboutPage.java", Status.SKIPPED, "blog/PostPage.java", Status.SKIPPED,
                "blog/PostsPage.java", Status.COMPILED), statuses(edited));
        assertTrue(outputTree().get("jvm/blog/PostsPage.java").contains("\"there\""));
        assertEquals(before.get("isr-manifest.json"), outputTree().get("isr-manifest.json"));
    }

    @Test
    void twoJavaPagesAnsweringOneRouteFailBothEvenWhenOneIsUnchanged() throws Exception {
        blog();
        compileWithoutRuby(request("jvm"));
        Map<String, String> before = outputTree();
        write("shop/OtherPage.java", """
                package shop;

                // Pragma: revalidate 60 route: /jvm-pipeline/posts/{id}
                public class OtherPage {
                    public String load(String id) {
                        return id;
                    }
                }
                """);

        CompileResult result = compileWithoutRuby(request("jvm"));

        String message = "error: Java pages blog/PostPage.java and shop/OtherPage.java both answer the route"
                + " /jvm-pipeline/posts/[id], so they would share cache keys; change the route of one of them";
        assertEquals(List.of(pages().resolve("blog/PostPage.java") + ": " + message, pages().resolve("shop/OtherPage.java") + ": " + message),
                result.diagnostics().stream().map(Diagnostic::headline).toList());
        assertEquals(Status.FAILED, statuses(result).get("blog/PostPage.java"));
        assertEquals(Status.FAILED, statuses(result).get("shop/OtherPage.java"));
        assertEquals(before, outputTree(), "a run with errors writes nothing");
    }

    @Test
    void aBadJavaPageIsReportedAtItsLineAndColumnAndWritesNothing() throws Exception {
        write("blog/PostPage.java", DETAIL_PAGE.replace("route: /jvm-pipeline/posts/{slug}", "route: /jvm-pipeline/posts"));
        CompileResult result = compileWithoutRuby(request("jvm"));
        Diagnostic error = result.diagnostics().get(0);
        assertEquals(pages().resolve("blog/PostPage.java").toString(), error.path());
        assertEquals("5:24", error.line() + ":" + error.column());
        assertTrue(error.message().startsWith("load parameter 'slug' is not in the route /jvm-pipeline/posts"), error.message());
        assertEquals(Map.of(), outputTree());
    }

    @Test
    void windowsLineBreaksAndAByteOrderMarkDoNotChangeTheOutput() throws Exception {
        blog();
        compileWithoutRuby(request("jvm"));
        Map<String, String> unix = outputTree();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = LIST_PAGE.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] windows = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, windows, 0, bom.length);
        System.arraycopy(text, 0, windows, bom.length, text.length);
        Files.write(pages().resolve("blog/PostsPage.java"), windows);

        compileWithoutRuby(request("jvm"));
        assertEquals(unix, outputTree());
    }
}
