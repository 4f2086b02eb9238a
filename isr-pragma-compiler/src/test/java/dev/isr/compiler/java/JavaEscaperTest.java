package dev.isr.compiler.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.isr.compiler.escape.JavaEscaper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaEscaperTest {

    /** Values that break out of a naive literal or comment. */
    private static final List<String> HOSTILE = List.of(
            "plain",
            "quote \" and 'single'",
            "back\\slash at the end\\",
            "\\u000a\"; System.exit(1); //",
            "\\\\u0022 even backslashes",
            "*/ class Injected {} /*",
            "line\nbreak\rreturn\r\n\ttab\b\f\0nul\u007f",
            "\u2028\u2029\u0085 unicode line ends",
            "é 中文 \uD83D\uDE00 emoji",
            "\uD800 lone surrogate",
            "");

    @Test
    void stringLiteralsMeanExactlyTheValue() {
        assertEquals("\"say \\\"hi\\\" \\\\ bye\"", JavaEscaper.stringLiteral("say \"hi\" \\ bye"));
        assertEquals("\"\\\\u000a\"", JavaEscaper.stringLiteral("\\u000a"));
        assertEquals("\"a\\nb\\000\\177\"", JavaEscaper.stringLiteral("a\nb\0\u007f"));
        assertEquals("\"\\u00e9\\u2028\"", JavaEscaper.stringLiteral("é\u2028"));
    }

    @Test
    void commentTextStaysInsideItsComment() {
        assertEquals("* / and \\\\u000a", JavaEscaper.commentText("*/ and \\u000a"));
        assertEquals("a b c", JavaEscaper.commentText("a\nb\rc"));
        for (String value : HOSTILE) {
            String text = JavaEscaper.commentText(value);
            assertFalse(text.contains("*/") || text.contains("\n") || text.contains("\r"), text);
            assertFalse(text.replace("\\\\", "").contains("\\"), "every backslash is doubled: " + text);
        }
    }

    /** The proof: javac reads every literal back as its value, and no comment leaks code. */
    @Test
    void javacReadsEveryValueBack(@TempDir Path folder) throws Exception {
        StringBuilder source = new StringBuilder("public class Escaped {\n    public static final String[] VALUES = {\n");
        for (String value : HOSTILE) {
            source.append("        // ").append(JavaEscaper.commentText(value)).append('\n');
            source.append("        /* ").append(JavaEscaper.commentText(value)).append(" */\n");
            source.append("        ").append(JavaEscaper.stringLiteral(value)).append(",\n");
        }
        source.append("    };\n}\n");
        Class<?> escaped = TestCompiler.compile(folder, Map.of("Escaped.java", source.toString())).loadClass("Escaped");
        assertEquals(HOSTILE, List.of((String[]) escaped.getField("VALUES").get(null)));
        assertEquals(1, escaped.getDeclaredFields().length, "no injected member");
    }

    @Test
    void literalsAreAscii() {
        for (String value : HOSTILE) {
            assertEquals(true, JavaEscaper.stringLiteral(value).chars().allMatch(c -> c >= 0x20 && c < 0x7f), value);
        }
    }
}
