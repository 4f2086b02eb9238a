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
}
