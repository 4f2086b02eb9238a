package dev.isr.compiler.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImportRebaserTest {

    private final ImportRebaser rebaser = new ImportRebaser(Path.of("/app/src/main/pages"),
            Path.of("/app/target/generated-sources/isr/node"));

    @Test
    void relativeImportsResolveFromTheGeneratedFileToTheSameTarget() {
        assertEquals("../../../../../src/models/post.js",
                rebaser.rebase("../../../models/post.js", "posts/[slug].astro.rb", "posts/[slug].js"));
        assertEquals("../../../../src/main/pages/lib/x.js", rebaser.rebase("./lib/x.js", "index.astro.rb", "index.js"));
        assertEquals("../../../../src/main/layouts/Layout.astro",
                rebaser.rebase("../layouts/Layout.astro", "about.astro.rb", "about.astro"));
    }

    @Test
    void anImportIntoTheOutputTreeStaysShort() {
        assertEquals("./_isr/isr.js", rebaser.rebase("../../../target/generated-sources/isr/node/_isr/isr.js",
                "index.astro.rb", "index.js"));
    }

    @Test
    void segmentsFromFileNamesAreUrlEncodedAndWrittenOnesKept() {
        ImportRebaser odd = new ImportRebaser(Path.of("/app/c#/src/main/pages"), Path.of("/app/out 100%/node"));
        assertEquals("../../../c%23/src/main/pages/lib/a%20b.js",
                odd.rebase("../lib/a%20b.js", "we?ird/x.rb", "we?ird/x.js"));
        assertEquals("100%25%3F%23%0A%09", ImportRebaser.urlSegment("100%?#\n\t"));
    }

    @Test
    void bareAndAbsoluteSpecifiersAreUnchanged() {
        assertEquals("react", rebaser.rebase("react", "posts/a.jsx.rb", "posts/a.js"));
        assertEquals("@scope/pkg/x.js", rebaser.rebase("@scope/pkg/x.js", "posts/a.jsx.rb", "posts/a.js"));
        assertEquals("/abs/x.js", rebaser.rebase("/abs/x.js", "posts/a.jsx.rb", "posts/a.js"));
        assertEquals("node:fs", rebaser.rebase("node:fs", "a.rb", "a.js"));
    }

    @Test
    void componentImportsAreRecognisedByExtension() {
        assertTrue(JsPageParts.isComponent("../layouts/Layout.astro"));
        assertTrue(JsPageParts.isComponent("./Card.JSX"));
        assertTrue(JsPageParts.isComponent("./Card.tsx?inline"));
        assertTrue(JsPageParts.isComponent("pkg/Widget.svelte"));
        assertTrue(JsPageParts.isComponent("./W.vue"));
        assertFalse(JsPageParts.isComponent("../models/post.js"));
        assertFalse(JsPageParts.isComponent("astro"));
    }
}
