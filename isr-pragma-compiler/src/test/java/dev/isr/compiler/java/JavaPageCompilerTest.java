package dev.isr.compiler.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.Diagnostic;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavaPageCompilerTest {

    private final JavaPageCompiler compiler = new JavaPageCompiler();

    @Test
    void passesAPageWithoutPragmaThroughUnchanged() {
        String page = "package pages;\n\n// No pragma here.\npublic class AboutPage {\n    String title() { return \"About\"; }\n}\n";
        JavaPageCompiler.Result result = compiler.compile("pages/AboutPage.java", "src/main/pages/pages/AboutPage.java", page);
        assertEquals(Optional.of(page), result.output());
        assertFalse(result.cached());
        assertEquals(List.of(), result.diagnostics());
    }

    @Test
    void rewritesAPragmaPage() {
        String page = "// Pragma: revalidate 1m tags: about\npublic class AboutPage {\n    String load() { return \"About\"; }\n}\n";
        JavaPageCompiler.Result result = compiler.compile("AboutPage.java", "AboutPage.java", page);
        assertTrue(result.cached());
        assertEquals(60, result.spec().orElseThrow().revalidateSeconds());
        assertEquals("/about", result.route().orElseThrow().pattern());
        assertTrue(result.output().orElseThrow().contains("return Isr.withRevalidate(cacheKey(), REVALIDATE_SECONDS, TAGS, () -> {"));
    }

    @Test
    void aPageWithAnyErrorHasNoOutput() {
        assertNoOutput("class Broken {", "1:14");
        assertNoOutput("// Pragma: revalidate soon\nclass APage { String load() { return \"\"; } }\n", "1:23");
        assertNoOutput("// Pragma: revalidate 60\nclass APage { void load() {} }\n", "2:15");
    }

    @Test
    void keepsWarningsOfAnOtherwiseFinePage() {
        String page = "// Pragma: revalidate 60\npackage p;\n\nclass APage {}\n";
        JavaPageCompiler.Result result = compiler.compile("p/APage.java", "p/APage.java", page);
        assertEquals(Optional.of(page), result.output());
        assertEquals(1, result.diagnostics().size());
        assertFalse(result.diagnostics().get(0).isError());
    }

    private void assertNoOutput(String page, String position) {
        JavaPageCompiler.Result result = compiler.compile("APage.java", "APage.java", page);
        assertEquals(Optional.empty(), result.output(), page);
        Diagnostic error = result.diagnostics().get(0);
        assertTrue(error.isError());
        assertEquals(position, error.line() + ":" + error.column(), error.message());
    }
}
