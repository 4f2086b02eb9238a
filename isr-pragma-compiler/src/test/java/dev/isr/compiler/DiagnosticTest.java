package dev.isr.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiagnosticTest {

    @Test
    void formatsLikeJavacWithTheSourceLineAndACaret() {
        Diagnostic d = Diagnostic.error("src/main/pages/a.astro.rb", 3, 22, "malformed revalidate duration 'x'",
                "# Pragma: revalidate x");
        assertEquals("""
                src/main/pages/a.astro.rb:3:22: error: malformed revalidate duration 'x'
                # Pragma: revalidate x
                                     ^""", d.format());
    }

    @Test
    void caretFollowsTabs() {
        Diagnostic d = Diagnostic.warning("a.rb", 1, 4, "w", "\t\tx = 1");
        assertEquals("a.rb:1:4: warning: w\n\t\tx = 1\n\t\t ^", d.format());
    }

    @Test
    void wholeLineAndWholeFileFindingsHaveNoCaret() {
        assertEquals("a.rb:2: error: m\nsrc", Diagnostic.error("a.rb", 2, 0, "m", "src").format());
        assertEquals("a.rb: error: m", Diagnostic.error("a.rb", 0, 0, "m", "").format());
        assertEquals("a.rb:2:1: error: m", Diagnostic.error("a.rb", 2, 1, "m", "").format());
    }
}
