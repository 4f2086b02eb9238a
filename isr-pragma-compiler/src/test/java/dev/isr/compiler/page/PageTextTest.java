package dev.isr.compiler.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTextTest {

    @Test
    void splitsAtTheFirstEndLine() {
        PageText text = PageText.split("@a = 1\n__END__\n<p>{a}</p>\n__END__\nmore\n");
        assertEquals("@a = 1\n", text.frontMatter());
        assertEquals("<p>{a}</p>\n__END__\nmore\n", text.template());
        assertEquals(List.of("@a = 1"), text.frontMatterLines());
    }

    @Test
    void onlyALineThatIsExactlyEndSplits() {
        PageText text = PageText.split("x = '__END__'\n __END__\n__END__ \n__end__\n");
        assertEquals("", text.template());
        assertEquals(4, text.frontMatterLines().size());
    }

    @Test
    void windowsLineBreaksAndByteOrderMarkAreNormalised() {
        PageText text = PageText.split("\uFEFF# Pragma: revalidate 60\r\n@a = 1\r\n__END__\r\n<p/>\r\n");
        assertEquals("# Pragma: revalidate 60\n@a = 1\n", text.frontMatter());
        assertEquals("<p/>\n", text.template());
    }

    @Test
    void aPageWithoutEndIsAllFrontMatter() {
        PageText text = PageText.split("@a = 1");
        assertEquals("@a = 1", text.frontMatter());
        assertEquals("", text.template());
        assertEquals(List.of("@a = 1"), text.frontMatterLines());
    }

    @Test
    void endOnTheLastLineWithoutBreakLeavesAnEmptyTemplate() {
        PageText text = PageText.split("@a = 1\n__END__");
        assertEquals("@a = 1\n", text.frontMatter());
        assertEquals("", text.template());
    }

    @Test
    void endOnTheFirstLineLeavesNoFrontMatter() {
        PageText text = PageText.split("__END__\n<p/>");
        assertEquals(List.of(), text.frontMatterLines());
        assertEquals("<p/>", text.template());
    }

    @Test
    void decodingIsStrict() throws Exception {
        assertEquals("caf\u00e9", PageText.decode("caf\u00e9".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertThrows(CharacterCodingException.class,
                () -> PageText.decode(new byte[] {'c', (byte) 0xe9}, StandardCharsets.UTF_8));
    }
}
