package dev.isr.compiler.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.Diagnostic;
import dev.isr.compiler.java.JvmCacheSpec.RouteOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavaPragmaReaderTest {

    @Test
    void readsDurationTagsAndRoute() {
        JvmCacheSpec spec = read("""
                package posts;

                /**
                 * One post.
                 * Pragma: revalidate 5m tags: posts, comments route: /posts/{slug}
                 */
                class PostPage {}
                """).spec().orElseThrow();
        assertEquals(new JvmCacheSpec(300, List.of("posts", "comments"),
                Optional.of(new RouteOption("/posts/{slug}", 5, 55)), 5), spec);
    }

    @Test
    void readsTheRouteWhereverItStands() {
        JvmCacheSpec spec = read("// pragma: Revalidate 2h ROUTE: /a/{b} tags: x\nclass APage {}\n").spec().orElseThrow();
        assertEquals(new JvmCacheSpec(7200, List.of("x"), Optional.of(new RouteOption("/a/{b}", 1, 33)), 1), spec);
    }

    @Test
    void aPageWithoutPragmaIsNotCached() {
        JavaPragmaReader.Read read = read("// Just a page.\nclass APage {}\n");
        assertFalse(read.present());
        assertEquals(Optional.empty(), read.spec());
        assertEquals(List.of(), read.diagnostics());
    }

    @Test
    void reportsGrammarErrorsAtTheirColumnInThePage() {
        JavaPragmaReader.Read read = read("    // Pragma: revalidate 5x\nclass APage {}\n");
        assertTrue(read.present());
        assertEquals(Optional.empty(), read.spec());
        Diagnostic error = read.diagnostics().get(0);
        assertEquals("1:27", error.line() + ":" + error.column());
        assertTrue(error.message().startsWith("malformed revalidate duration '5x'"), error.message());
        assertEquals("    // Pragma: revalidate 5x", error.sourceLine());
    }

    @Test
    void reportsRouteOptionErrors() {
        JavaPragmaReader.Read read = read("// Pragma: revalidate 60 route: /a route: /b\nclass APage {}\n");
        assertEquals(List.of("1:36: a second route: option in one pragma; keep one"), positioned(read));
        read = read("// Pragma: revalidate 60 route:\nclass APage {}\n");
        assertEquals(List.of("1:26: route: needs a route, as in 'route: /posts/{slug}'"), positioned(read));
    }

    @Test
    void twoRevalidatePragmasAreAnError() {
        JavaPragmaReader.Read read = read("// Pragma: revalidate 60\n// Pragma: revalidate 90\nclass APage {}\n");
        assertEquals(Optional.empty(), read.spec());
        assertEquals(2, read.diagnostics().get(0).line());
        assertEquals(12, read.diagnostics().get(0).column());
    }

    private static JavaPragmaReader.Read read(String text) {
        return new JavaPragmaReader().read(JavaPages.parse("APage.java", text));
    }

    private static List<String> positioned(JavaPragmaReader.Read read) {
        return read.diagnostics().stream().map(error -> error.line() + ":" + error.column() + ": " + error.message()).toList();
    }
}
