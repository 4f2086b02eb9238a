package dev.isr.compiler.ruby;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a front matter, and the columns of the constructs in them. JRuby's nodes carry a line but no
 * column, so a construct's column is found by searching its token in the code of its line (string contents and
 * comments blanked out, so a word inside a string is never taken for the token). Constructs are located in
 * source order; each line remembers where the last located token ended, so a name that occurs twice on a line
 * is found at its first occurrence first and at its second occurrence next.
 */
final class SourceText {

    private final List<String> lines;
    private final List<String> code;
    private final int[] searchFrom;

    private SourceText(String text) {
        lines = List.of(text.split("\r?\n", -1));
        code = RubyCodeMask.mask(lines);
        searchFrom = new int[lines.size()];
    }

    static SourceText of(String text) {
        return new SourceText(text);
    }

    /** The text of the 0-based line, empty past the end. */
    String line(int line0) {
        return line0 >= 0 && line0 < lines.size() ? lines.get(line0) : "";
    }

    int lineCount() {
        return lines.size();
    }

    /**
     * The position of the next occurrence of {@code token} in the 0-based lines {@code first..last}: the match of
     * group 1 when the pattern has a group, else of the whole pattern. When the token is not in the code, the
     * first non-blank character of {@code first}.
     */
    Position locate(Pattern token, int first, int last) {
        int end = Math.min(Math.max(first, last), lines.size() - 1);
        for (int line0 = Math.max(first, 0); line0 <= end; line0++) {
            Matcher m = token.matcher(code.get(line0));
            if (m.find(searchFrom[line0])) {
                int group = m.groupCount() >= 1 ? 1 : 0;
                searchFrom[line0] = m.end(group);
                return new Position(line0 + 1, m.start(group) + 1, m.end(group));
            }
        }
        // located out of order (a modifier's condition, say): search the lines again from their start
        for (int line0 = Math.max(first, 0); line0 <= end; line0++) {
            Matcher m = token.matcher(code.get(line0));
            if (m.find()) {
                int group = m.groupCount() >= 1 ? 1 : 0;
                return new Position(line0 + 1, m.start(group) + 1, m.end(group));
            }
        }
        int line0 = Math.min(Math.max(first, 0), lines.size() - 1);
        return new Position(line0 + 1, firstNonBlank(line(line0)) + 1, -1);
    }

    /** Whether the code of the 0-based line has {@code c} at {@code index}. */
    boolean codeCharAt(int line0, int index, char c) {
        String text = line0 >= 0 && line0 < code.size() ? code.get(line0) : "";
        return index >= 0 && index < text.length() && text.charAt(index) == c;
    }

    static int firstNonBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return i;
            }
        }
        return 0;
    }

    /**
     * A located token.
     *
     * @param line   1-based line
     * @param column 1-based column of the token's first character
     * @param end    0-based index just past the token, or -1 when the token was not found
     */
    record Position(int line, int column, int end) {
    }
}
