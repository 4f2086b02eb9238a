package dev.isr.compiler.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comments directly above a page's class — line comments, a block comment or javadoc, in any
 * mix — exactly as they appear in the source, where a Java page keeps its pragma.
 *
 * @param text   the source text from the first comment's opening to the last one's end
 * @param line   1-based line where {@code text} starts
 * @param column 1-based column where {@code text} starts
 */
public record PageComment(String text, int line, int column) {

    private static final String PRAGMA = "pragma:";

    /** Every line of the comment holding {@code Pragma:} (any case), positioned in the page. */
    public List<PragmaText> pragmaLines() {
        List<PragmaText> found = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].toLowerCase(Locale.ROOT).indexOf(PRAGMA);
            if (at >= 0) {
                int columnOfLine = i == 0 ? column : 1;
                found.add(new PragmaText(pragmaText(lines[i].substring(at)), line + i, columnOfLine + at));
            }
        }
        return found;
    }

    private static String pragmaText(String fromPragma) {
        int close = fromPragma.indexOf("*/");
        String text = close >= 0 ? fromPragma.substring(0, close) : fromPragma;
        return text.stripTrailing();
    }
}
