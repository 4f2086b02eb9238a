package dev.isr.compiler.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageFinderTest {

    @TempDir
    Path dir;

    private Path pages() throws IOException {
        Path pages = Files.createDirectories(dir.resolve("pages"));
        for (String file : List.of("index.astro.rb", "about.jsx.rb", "posts/[slug].astro.rb", "posts/index.erb.rb",
                "posts/drafts/wip.astro.rb", "Home.java", "README.md", "helpers/format.js", "legacy.rb")) {
            Files.createDirectories(pages.resolve(file).getParent());
            Files.writeString(pages.resolve(file), "");
        }
        return pages;
    }

    private static List<String> sources(PageFinder.Found found) {
        return found.pages().stream().map(PageFile::source).toList();
    }

    @Test
    void findsRubyAndJavaPagesInPathOrder() throws IOException {
        PageFinder.Found found = new PageFinder(List.of(), List.of()).find(pages());
        assertEquals(List.of("Home.java", "about.jsx.rb", "index.astro.rb", "legacy.rb", "posts/[slug].astro.rb",
                "posts/drafts/wip.astro.rb", "posts/index.erb.rb"), sources(found));
        assertEquals(List.of(), found.diagnostics());
    }

    @Test
    void includesAndExcludesUseMavenGlobs() throws IOException {
        Path pages = pages();
        assertEquals(List.of("index.astro.rb", "posts/[slug].astro.rb", "posts/drafts/wip.astro.rb"),
                sources(new PageFinder(List.of("**/*.astro.rb"), List.of()).find(pages)));
        assertEquals(List.of("posts/[slug].astro.rb", "posts/index.erb.rb"),
                sources(new PageFinder(List.of("posts/*"), List.of()).find(pages)));
        assertEquals(List.of("about.jsx.rb", "index.astro.rb", "legacy.rb", "posts/[slug].astro.rb", "posts/index.erb.rb"),
                sources(new PageFinder(List.of("**/*.rb"), List.of("**/drafts/**")).find(pages)));
        assertEquals(List.of("index.astro.rb"),
                sources(new PageFinder(List.of("?ndex.*"), List.of()).find(pages)));
    }

    @Test
    void aRelativePagesDirectoryGivesTheSameSources() throws IOException {
        Path pages = pages();
        Path relative = Path.of("").toAbsolutePath().relativize(pages);
        assertEquals(sources(new PageFinder(List.of(), List.of()).find(pages)),
                sources(new PageFinder(List.of(), List.of()).find(relative)));
    }

    @Test
    void keepsEachPagesAttributesAsWalkedFollowingLinks() throws IOException {
        Path pages = pages();
        Files.writeString(pages.resolve("posts/index.erb.rb"), "@a = 1\n");
        Files.createSymbolicLink(pages.resolve("alias.erb.rb"), pages.resolve("posts/index.erb.rb"));

        PageFinder.Found found = new PageFinder(List.of(), List.of()).find(pages);

        assertEquals(Set.copyOf(sources(found)), found.attributes().keySet());
        assertEquals(7, found.attributes().get("posts/index.erb.rb").size());
        // the link's attributes are its page's: its stamp changes when the page does
        assertEquals(7, found.attributes().get("alias.erb.rb").size());
        assertEquals(Files.getLastModifiedTime(pages.resolve("posts/index.erb.rb")),
                found.attributes().get("alias.erb.rb").lastModifiedTime());
    }

    @Test
    void patternsLeavingThePagesDirectoryAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new PageFinder(List.of("../other/*.rb"), List.of()));
        assertTrue(e.getMessage().contains("includes pattern '../other/*.rb'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PageFinder(List.of(), List.of("/abs/**")));
    }

    @Test
    void aMissingPagesDirectoryHasNoPages() {
        PageFinder.Found found = new PageFinder(List.of(), List.of()).find(dir.resolve("nope"));
        assertEquals(List.of(), found.pages());
        assertEquals(List.of(), found.diagnostics());
    }

    @Test
    void linksInsideThePagesDirectoryAreFollowedAndLinksOutsideRefused() throws IOException {
        Path pages = pages();
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.astro.rb"), "");
        Files.createSymbolicLink(pages.resolve("escape.astro.rb"), outside.resolve("secret.astro.rb"));
        Files.createSymbolicLink(pages.resolve("escaped"), outside);
        Files.createSymbolicLink(pages.resolve("alias.astro.rb"), pages.resolve("index.astro.rb"));
        Files.createSymbolicLink(pages.resolve("posts/up"), Path.of(".."));

        PageFinder.Found found = new PageFinder(List.of(), List.of()).find(pages);

        assertTrue(sources(found).contains("alias.astro.rb"));
        assertTrue(sources(found).stream().noneMatch(s -> s.startsWith("escape")), sources(found).toString());
        List<String> messages = found.diagnostics().stream().map(Diagnostic::headline).toList();
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(pages.resolve("escape.astro.rb")
                + ": error: page links outside the pages directory")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(pages.resolve("escaped")
                + ": error: folder links outside the pages directory")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(pages.resolve("posts/up")
                + ": error: folder link loops back")), messages.toString());
    }
}
