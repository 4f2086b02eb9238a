package dev.isr.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.CompileResult;
import dev.isr.compiler.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smallest inputs the fuzz properties found crashing the compiler, kept as plain regression tests. */
class FoundByFuzzingTest {

    @TempDir
    Path dir;

    /** The source-line masker read past the last line when a literal was never closed. */
    @Test
    void anUnclosedLiteralIsASyntaxErrorNotACrash() throws Exception {
        for (String page : List.of("`", "\"", "'", "%w[", "@a = \"#{", "@a = :\"")) {
            CompileResult result = FuzzCompiler.compilePage(dir.resolve("p" + page.hashCode()), "p.rb",
                    page.getBytes(StandardCharsets.UTF_8), List.of("node"));
            List<String> errors = result.diagnostics().stream().filter(Diagnostic::isError)
                    .map(d -> d.line() + ":" + d.severity()).toList();
            assertEquals(List.of("1:ERROR"), errors, page);
        }
    }

    /**
     * The translator recursed once per nesting level: a deeply nested literal overflowed the stack, and a deeply
     * nested call overflowed it inside a regex compilation (a PatternSyntaxException).
     */
    @Test
    void aDeeplyNestedStatementIsAnErrorNotAStackOverflow() throws Exception {
        for (String opener : List.of("[", "f(")) {
            String closer = opener.equals("[") ? "]" : ")";
            String page = "# Pragma: revalidate 1\n@ok = 1\n@a = " + opener.repeat(5_000) + "1" + closer.repeat(5_000) + "\n";
            CompileResult result = FuzzCompiler.compilePage(dir.resolve(closer.equals("]") ? "a" : "b"), "p.rb",
                    page.getBytes(StandardCharsets.UTF_8), List.of("node"));
            assertNestingError(result);
        }
    }

    /** Deep enough string interpolation reaches the stack limit outside expression translation. */
    @Test
    void deeplyNestedInterpolationIsAnErrorNotAStackOverflow() throws Exception {
        String page = "@a = " + "\"#{".repeat(20_000) + "1" + "}\"".repeat(20_000) + "\n";
        CompileResult result = FuzzCompiler.compilePage(dir, "p.rb", page.getBytes(StandardCharsets.UTF_8),
                List.of("node"));
        assertNestingError(result);
    }

    /** JRuby's lexer threw StringIndexOutOfBoundsException while quoting a long multi-byte line for its error. */
    @Test
    void aCharacterJRubyCannotQuoteIsASyntaxErrorAtThatCharacter() throws Exception {
        String page = "@ok = 1\n" + "\u65e5".repeat(16) + "\u0001\n";
        CompileResult result = FuzzCompiler.compilePage(dir, "p.rb", page.getBytes(StandardCharsets.UTF_8),
                List.of("node"));
        assertEquals(List.of("2:17: invalid character U+0001 in Ruby code"),
                result.diagnostics().stream().map(d -> d.line() + ":" + d.column() + ": " + d.message()).toList());
    }

    /** One error that names the problem; its line is the statement's when the expression cap caught it. */
    private static void assertNestingError(CompileResult result) {
        List<String> diagnostics = result.diagnostics().stream().map(Diagnostic::format).toList();
        assertEquals(1, diagnostics.size(), diagnostics::toString);
        Diagnostic error = result.diagnostics().get(0);
        assertTrue(error.isError() && error.message().contains("split it into smaller statements"), error::format);
    }
}
