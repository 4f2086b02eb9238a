package dev.isr.compiler.page;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.List;

/**
 * A page's text split at its first line that is exactly {@code __END__}: Ruby front matter before,
 * template after. Line breaks are normalised to {@code \n} and a byte order mark is dropped, so the
 * generated output is the same whichever editor saved the page; line numbers are unchanged by both.
 *
 * @param frontMatter the lines before {@code __END__} (the whole page when there is none), each ending in {@code \n}
 * @param template    everything after the {@code __END__} line, verbatim but for line breaks; empty when there is none
 */
public record PageText(String frontMatter, String template) {

    private static final String END_MARKER = "__END__";

    /**
     * Decodes page bytes strictly: a page saved in another encoding is an error to report, not text
     * to translate into subtly wrong output.
     */
    public static String decode(byte[] bytes, Charset encoding) throws CharacterCodingException {
        return encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    public static PageText split(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        text = text.replace("\r\n", "\n");
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            int end = lineEnd < 0 ? text.length() : lineEnd;
            if (text.regionMatches(lineStart, END_MARKER, 0, END_MARKER.length())
                    && end - lineStart == END_MARKER.length()) {
                String template = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
                return new PageText(text.substring(0, lineStart), template);
            }
            if (lineEnd < 0) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        return new PageText(text, "");
    }

    /** The front matter's lines without their breaks; line {@code n} of the page is element {@code n - 1}. */
    public List<String> frontMatterLines() {
        if (frontMatter.isEmpty()) {
            return List.of();
        }
        String body = frontMatter.endsWith("\n") ? frontMatter.substring(0, frontMatter.length() - 1) : frontMatter;
        return List.of(body.split("\n", -1));
    }
}
