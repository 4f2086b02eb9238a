package dev.isr.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.CompileResult.PageResult.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline over the real Ruby translator, for what only real translation shows. */
class RubyPagesTest {

    @TempDir
    Path dir;

    @Test
    void pagesWithTranslationErrorsWriteNothing() {
        Pages project = new Pages(dir)
                .write("leak.astro.rb", "# Pragma: revalidate 60\n@user = Astro.cookies.get(\"u\")\n__END__\n<p/>\n")
                .write("klass.rb", "@a = 1\nclass Foo\nend\n")
                .write("posts/[slug].astro.rb", "# Pragma: revalidate 60\n@p = @@id\n__END__\n<p/>\n")
                .write("ok.rb", "@a = 1\n");

        CompileResult result = SharedCompiler.get().compile(project.request());

        Map<String, Status> statuses = new TreeMap<>();
        result.pages().forEach(p -> statuses.put(p.source(), p.status()));
        assertEquals(Map.of("klass.rb", Status.FAILED, "leak.astro.rb", Status.FAILED, "ok.rb", Status.COMPILED,
                "posts/[slug].astro.rb", Status.FAILED), statuses);
        List<String> errorPositions = result.diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> Path.of(d.path()).getFileName() + ":" + d.line()).toList();
        assertEquals(List.of("klass.rb:2", "leak.astro.rb:2", "[slug].astro.rb:2"), errorPositions);
        // the run has errors, so not even the page that compiled is written
        assertEquals(List.of(), List.copyOf(project.outputTree().keySet()));
    }

    @Test
    void windowsLineBreaksAndAByteOrderMarkChangeNothingInTheOutput() {
        String page = "# Pragma: revalidate 60 tags: a\n@title = \"T\"\n@n = 2\n__END__\n<h1>{title}</h1>\n<p>{n}</p>\n";
        Pages unix = new Pages(dir.resolve("unix")).write("p.astro.rb", page);
        Pages windows = new Pages(dir.resolve("windows")).write("p.astro.rb", "\uFEFF" + page.replace("\n", "\r\n"));
        assertEquals(List.of(), SharedCompiler.get().compile(unix.request()).diagnostics());
        assertEquals(List.of(), SharedCompiler.get().compile(windows.request()).diagnostics());
        Map<String, String> unixTree = unix.outputTree();
        assertEquals(unixTree, windows.outputTree());
        assertTrue(unixTree.get("node/p.astro").endsWith("---\n<h1>{title}</h1>\n<p>{n}</p>\n"));
        assertTrue(unixTree.values().stream().noneMatch(text -> text.contains("\r")));
    }

    @Test
    void importsMustLeaveRoomForTheGeneratedNamesAndTheData() {
        Pages project = new Pages(dir).write("p.rb", String.join("\n",
                "import load, from: './loader.js'",
                "import [a, Post], from: './x.js'",
                "import Post, from: './post.js'",
                "@a = Post.all",
                "@tags = Post.tags", // a data name may repeat an exported one: it lives inside fetchData
                ""));

        CompileResult result = SharedCompiler.get().compile(project.request(List.of("node", "vercel", "cloudflare")));

        List<String> headlines = result.diagnostics().stream()
                .map(d -> d.headline().replace(project.pages + "/", "")).toList();
        assertEquals(List.of(
                "p.rb:1:8: error: cannot import 'load': the generated module declares 'load' itself; export it under"
                        + " another name from its module",
                "p.rb:3:8: error: cannot import 'Post': it is already imported on line 2; export it under another"
                        + " name from its module",
                "p.rb:4:1: error: @a cannot be page data: 'a' is imported on line 2, and a data variable of that name"
                        + " would hide the import in the generated load(); rename the variable"), headlines);
        assertEquals(List.of(), List.copyOf(project.outputTree().keySet()));
    }
}
