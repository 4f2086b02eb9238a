package dev.isr.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.CompileResult.PageResult;
import dev.isr.compiler.CompileResult.PageResult.Status;
import dev.isr.compiler.incremental.BuildStatus;
import dev.isr.compiler.incremental.FileStamp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental compilation with a status file, over the {@link LineTranslator} stand-in. */
class IncrementalTest {

    @TempDir
    Path dir;
    private Pages project;

    @BeforeEach
    void firstBuild() {
        project = new Pages(dir)
                .write("index.astro.rb", "# Pragma: revalidate 60\n@a = 1\n__END__\n<p>{a}</p>\n")
                .write("posts/[slug].astro.rb", "# Pragma: revalidate 5m tags: posts\n@post = 2\n__END__\n<p/>\n")
                .write("about.jsx.rb", "# Pragma: revalidat 1\n@b = 3\n");
        CompileResult first = compile(project.request());
        assertEquals(3, first.count(Status.COMPILED));
        assertTrue(Files.exists(project.status));
    }

    private static CompileResult compile(CompileRequest request) {
        try (IsrCompiler compiler = new IsrCompiler(LineTranslator::new)) {
            return compiler.compile(request);
        }
    }

    private static Map<String, Status> statuses(CompileResult result) {
        Map<String, Status> out = new TreeMap<>();
        result.pages().forEach(p -> out.put(p.source(), p.status()));
        return out;
    }

    private void ageAllOutputs() throws Exception {
        for (String file : project.outputTree().keySet()) {
            Files.setLastModifiedTime(project.out.resolve(file), FileTime.fromMillis(1_000_000_000_000L));
        }
    }

    @Test
    void anUnchangedBuildSkipsEveryPageWithoutCreatingTheTranslatorOrTouchingAFile() throws Exception {
        ageAllOutputs();
        Map<String, String> before = project.outputTree();
        LineTranslator.CREATED.set(0);

        CompileResult second = compile(project.request());

        assertEquals(Map.of("about.jsx.rb", Status.SKIPPED, "index.astro.rb", Status.SKIPPED,
                "posts/[slug].astro.rb", Status.SKIPPED), statuses(second));
        assertEquals(0, LineTranslator.CREATED.get());
        assertEquals(Optional.empty(), second.timings().rubyBoot());
        assertEquals(before, project.outputTree());
        for (String file : before.keySet()) {
            assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(project.out.resolve(file)), file);
        }
        PageResult post = second.pages().stream().filter(p -> p.source().equals("posts/[slug].astro.rb")).findFirst().get();
        assertEquals(new PageResult("posts/[slug].astro.rb", "/posts/[slug]", "page:/posts/${slug}",
                java.util.OptionalLong.of(300), List.of("posts"),
                Map.of("node", List.of("node/posts/[slug].js", "node/posts/[slug].astro")), Status.SKIPPED), post);
        // a skipped page's warnings are reported again, so failOnWarning stays meaningful
        assertEquals(1, second.diagnostics().size());
        assertTrue(second.diagnostics().get(0).message().startsWith("'revalidat' is not a pragma"));
    }

    @Test
    void aChangedPageAloneIsRecompiled() {
        project.write("index.astro.rb", "# Pragma: revalidate 60\n@a = 10\n__END__\n<p>{a}</p>\n");
        CompileResult second = compile(project.request());
        assertEquals(Map.of("about.jsx.rb", Status.SKIPPED, "index.astro.rb", Status.COMPILED,
                "posts/[slug].astro.rb", Status.SKIPPED), statuses(second));
        assertTrue(project.read("node/index.js").contains("a = 10;"));
        assertEquals(3, compile(project.request()).count(Status.SKIPPED));
    }

    @Test
    void outputsOfDeletedRenamedAndExcludedPagesAreRemoved() throws Exception {
        Files.delete(project.pages.resolve("index.astro.rb"));
        Files.move(project.pages.resolve("about.jsx.rb"), project.pages.resolve("team.jsx.rb"));
        CompileResult second = compile(project.request());
        assertEquals(List.of(project.out.resolve("node/about.js"), project.out.resolve("node/index.astro"),
                project.out.resolve("node/index.js")), second.removed());
        assertEquals(Map.of("posts/[slug].astro.rb", Status.SKIPPED, "team.jsx.rb", Status.COMPILED), statuses(second));
        assertEquals(List.of("isr-manifest.json", "node/_isr/isr-core.js", "node/_isr/isr-redis.js", "node/_isr/isr.js", "node/_isr/params.js",
                "node/package.json", "node/posts/[slug].astro", "node/posts/[slug].js", "node/team.js"), List.copyOf(project.outputTree().keySet()));

        CompileResult third = compile(project.request().withIncludes(List.of(), List.of("posts/**")));
        assertEquals(List.of(project.out.resolve("node/posts/[slug].astro"), project.out.resolve("node/posts/[slug].js")),
                third.removed());
        assertFalse(Files.exists(project.out.resolve("node/posts")));
        assertFalse(project.read("isr-manifest.json").contains("posts/"));
    }

    @Test
    void aConfigurationOrToolChangeRecompilesEverything() {
        CompileResult excluded = compile(project.request().withIncludes(List.of("**/*.rb"), List.of()));
        assertEquals(3, excluded.count(Status.COMPILED));
        assertEquals(3, compile(project.request().withIncludes(List.of("**/*.rb"), List.of())).count(Status.SKIPPED));

        CompileRequest upgraded = new CompileRequest(project.pages, project.out, List.of("node"), List.of("**/*.rb"),
                List.of(), java.nio.charset.StandardCharsets.UTF_8, Optional.of(project.status), true, "2.0");
        assertEquals(3, compile(upgraded).count(Status.COMPILED));
    }

    @Test
    void aPageWhoseOutputWasDeletedByHandIsRecompiled() throws Exception {
        Files.delete(project.out.resolve("node/posts/[slug].astro"));
        CompileResult second = compile(project.request());
        assertEquals(Status.COMPILED, statuses(second).get("posts/[slug].astro.rb"));
        assertEquals(2, second.count(Status.SKIPPED));
        assertTrue(Files.exists(project.out.resolve("node/posts/[slug].astro")));
    }

    @Test
    void aRunWithErrorsLeavesThePreviousOutputAndStatusUntouched() throws Exception {
        String statusBefore = Files.readString(project.status);
        Map<String, String> outputBefore = project.outputTree();
        project.write("index.astro.rb", "# Pragma: revalidate 60\n@a = 1\nfail broken\n__END__\n<p/>\n");
        project.write("posts/[slug].astro.rb", "# Pragma: revalidate 60\n@b = 2\n__END__\n<p/>\n");
        Files.delete(project.pages.resolve("about.jsx.rb"));

        CompileResult failed = compile(project.request());

        assertEquals(Map.of("index.astro.rb", Status.FAILED, "posts/[slug].astro.rb", Status.COMPILED), statuses(failed));
        // neither the page that compiled nor the removal of the deleted page's output reaches the disk
        assertEquals(outputBefore, project.outputTree());
        assertEquals(List.of(), failed.removed());
        assertEquals(statusBefore, Files.readString(project.status));

        project.write("index.astro.rb", "# Pragma: revalidate 60\n@a = 1\n__END__\n<p/>\n");
        CompileResult fixed = compile(project.request());
        assertEquals(Map.of("index.astro.rb", Status.COMPILED, "posts/[slug].astro.rb", Status.COMPILED), statuses(fixed));
        assertEquals(List.of(project.out.resolve("node/about.js")), fixed.removed());
        assertTrue(project.read("node/posts/[slug].js").contains("b = 2;"));
    }

    @Test
    void aDamagedStatusFileMeansAFullBuild() throws Exception {
        Files.writeString(project.status, "isr-build-status 1\npage %ZZ\n");
        assertEquals(3, compile(project.request()).count(Status.COMPILED));
        Files.writeString(project.status, "something else");
        assertEquals(3, compile(project.request()).count(Status.COMPILED));
        assertEquals(3, compile(project.request()).count(Status.SKIPPED));
    }

    /** A page time long past, so the page's stamp is trusted (see {@link FileStamp#read}). */
    private static final FileTime SETTLED = FileTime.fromMillis(1_500_000_000_000L);

    private static CompileResult compileAt(CompileRequest request, Instant now) {
        try (IsrCompiler compiler = new IsrCompiler(LineTranslator::new, Clock.fixed(now, ZoneOffset.UTC))) {
            return compiler.compile(request);
        }
    }

    /** Sets every page's time to {@code time} and builds once, so the status holds the pages' stamps. */
    private void settle(FileTime time) throws Exception {
        for (String page : List.of("index.astro.rb", "posts/[slug].astro.rb", "about.jsx.rb")) {
            Files.setLastModifiedTime(project.pages.resolve(page), time);
        }
        assertEquals(3, compile(project.request()).count(Status.SKIPPED)); // same bytes: skipped, stamps recorded
    }

    /** Rewrites a page in place and gives it back the time it had. */
    private void editKeepingTime(String page, String content) throws Exception {
        Path file = project.pages.resolve(page);
        FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, time);
    }

    @Test
    void aPageWithTheRecordedSizeAndTimeIsSkippedUnread() throws Exception {
        settle(SETTLED);
        // the trade-off make and javac make too: same size, same time, other bytes is not seen
        editKeepingTime("index.astro.rb", "# Pragma: revalidate 60\n@a = 9\n__END__\n<p>{a}</p>\n");

        assertEquals(Status.SKIPPED, statuses(compile(project.request())).get("index.astro.rb"));
        assertTrue(project.read("node/index.js").contains("a = 1;"));
    }

    @Test
    void anEditThatKeepsTheTimeButNotTheSizeIsRecompiled() throws Exception {
        settle(SETTLED);
        editKeepingTime("index.astro.rb", "# Pragma: revalidate 60\n@a = 12\n__END__\n<p>{a}</p>\n");

        CompileResult second = compile(project.request());

        assertEquals(Map.of("about.jsx.rb", Status.SKIPPED, "index.astro.rb", Status.COMPILED,
                "posts/[slug].astro.rb", Status.SKIPPED), statuses(second));
        assertTrue(project.read("node/index.js").contains("a = 12;"));
    }

    @Test
    void anEditThatKeepsTheSizeButNotTheTimeIsRecompiled() throws Exception {
        settle(SETTLED);
        // the stamp comes from the page walk's attributes: the new time must show there
        editKeepingTime("index.astro.rb", "# Pragma: revalidate 60\n@a = 9\n__END__\n<p>{a}</p>\n");
        Files.setLastModifiedTime(project.pages.resolve("index.astro.rb"),
                FileTime.from(SETTLED.toInstant().plusSeconds(1)));

        CompileResult second = compile(project.request());

        assertEquals(Map.of("about.jsx.rb", Status.SKIPPED, "index.astro.rb", Status.COMPILED,
                "posts/[slug].astro.rb", Status.SKIPPED), statuses(second));
        assertTrue(project.read("node/index.js").contains("a = 9;"));
    }

    @Test
    void aTouchedPageWithTheSameBytesIsSkippedAndNothingIsRewritten() throws Exception {
        settle(SETTLED);
        ageAllOutputs();
        Map<String, String> before = project.outputTree();
        FileTime touched = FileTime.fromMillis(SETTLED.toMillis() + 60_000);
        Files.setLastModifiedTime(project.pages.resolve("index.astro.rb"), touched);
        LineTranslator.CREATED.set(0);

        CompileResult second = compile(project.request());

        assertEquals(3, second.count(Status.SKIPPED));
        assertEquals(0, LineTranslator.CREATED.get());
        assertEquals(before, project.outputTree());
        for (String file : before.keySet()) {
            assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(project.out.resolve(file)), file);
        }
        // the new time is recorded, so the next build skips the page by its stamp again
        assertEquals(Optional.of(new FileStamp(Files.size(project.pages.resolve("index.astro.rb")),
                        touched.to(TimeUnit.NANOSECONDS))),
                BuildStatus.read(project.status).orElseThrow().pages().get("index.astro.rb").stamp());
    }

    @Test
    void aPageChangedMomentsBeforeTheBuildIsHashedOnTheNextBuildToo() throws Exception {
        Files.setLastModifiedTime(project.pages.resolve("index.astro.rb"), SETTLED);
        // the build runs a second after the page changed: its stamp is not trusted
        assertEquals(3, compileAt(project.request(), SETTLED.toInstant().plusSeconds(1)).count(Status.SKIPPED));
        editKeepingTime("index.astro.rb", "# Pragma: revalidate 60\n@a = 9\n__END__\n<p>{a}</p>\n");

        CompileResult second = compile(project.request());

        assertEquals(Status.COMPILED, statuses(second).get("index.astro.rb"));
        assertTrue(project.read("node/index.js").contains("a = 9;"));
    }

    @Test
    void aBuildWhereNothingChangedLeavesTheStatusAlone() throws Exception {
        settle(SETTLED);
        Files.setLastModifiedTime(project.status, FileTime.fromMillis(1_000_000_000_000L));

        assertEquals(3, compile(project.request()).count(Status.SKIPPED));

        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(project.status));
    }

    @Test
    void aBuildWhereNothingChangedRestoresAManifestOrRuntimeFileDeletedByHand() throws Exception {
        settle(SETTLED);
        Map<String, String> before = project.outputTree();
        Files.delete(project.out.resolve("isr-manifest.json"));
        assertEquals(3, compile(project.request()).count(Status.SKIPPED));
        Files.delete(project.out.resolve("node/_isr/isr.js"));
        assertEquals(3, compile(project.request()).count(Status.SKIPPED));

        assertEquals(before, project.outputTree());
    }
}
