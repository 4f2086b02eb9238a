package dev.isr.maven;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProjectPathsTest {

    private final Path basedir = Path.of("/work/app").toAbsolutePath();

    @Test
    void pathsBelowTheProjectAreShownRelativeWithSlashes() {
        assertEquals("src/main/pages/posts/[slug].astro.rb",
                ProjectPaths.shown(basedir, basedir.resolve("src/main/pages/posts/[slug].astro.rb")));
        assertEquals("target/generated-sources/isr", ProjectPaths.shown(basedir, Path.of("target/generated-sources/isr")));
    }

    @Test
    void pathsOutsideTheProjectStayAbsolute() {
        Path outside = basedir.resolveSibling("shared/pages/index.astro.rb");
        assertEquals(outside.toString().replace('\\', '/'), ProjectPaths.shown(basedir, outside));
    }

    @Test
    void dotDotSegmentsAreResolvedFirst() {
        assertEquals("pages/index.astro.rb", ProjectPaths.shown(basedir, basedir.resolve("src/../pages/index.astro.rb")));
    }
}
