package dev.isr.compiler.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Exact escapes; {@code InjectionTest} checks with real Node that the results mean their input. */
class JsEscaperTest {

    @Test
    void stringLiteral() {
        assertEquals("\"plain\"", JsEscaper.stringLiteral("plain"));
        assertEquals("\"a\\\"b'c\"", JsEscaper.stringLiteral("a\"b'c"));
        assertEquals("\"back\\\\slash\"", JsEscaper.stringLiteral("back\\slash"));
        assertEquals("\"`${x}`\"", JsEscaper.stringLiteral("`${x}`"));
        assertEquals("\"a\\nb\\r\\tc\"", JsEscaper.stringLiteral("a\nb\r\tc"));
        assertEquals("\"\\u2028\\u2029\"", JsEscaper.stringLiteral("\u2028\u2029"));
        assertEquals("\"\\x3C/script>\\x3C/SCRIPT><!\"", JsEscaper.stringLiteral("</script></SCRIPT><!"));
        assertEquals("\"\\x3C!--\"", JsEscaper.stringLiteral("<!--"));
        assertEquals("\"*/\"", JsEscaper.stringLiteral("*/"));
        assertEquals("\"caf\u00e9 \ud83d\ude00\"", JsEscaper.stringLiteral("caf\u00e9 \ud83d\ude00"));
        assertEquals("\"\\u0000\\u007f\\ud800\"", JsEscaper.stringLiteral("\u0000\u007f\ud800"));
    }

    @Test
    void templateText() {
        assertEquals("\\`\\${x}$ {\\\\", JsEscaper.templateText("`${x}$ {\\"));
        assertEquals("a\\nb", JsEscaper.templateText("a\nb"));
        assertEquals("\\x3C/script>", JsEscaper.templateText("</script>"));
        assertEquals("\"'", JsEscaper.templateText("\"'"));
    }

    @Test
    void commentText() {
        assertEquals("a *\\/ b", JsEscaper.commentText("a */ b"));
        assertEquals("one two three four", JsEscaper.commentText("one\ntwo\rthree\u2028four"));
        assertEquals("<\\/script>", JsEscaper.commentText("</script>"));
        assertFalse(JsEscaper.commentText("x*/*/y").contains("*/"));
    }
}
