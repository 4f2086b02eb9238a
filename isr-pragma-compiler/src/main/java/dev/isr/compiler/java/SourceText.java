package dev.isr.compiler.java;

import java.util.ArrayList;
import java.util.List;

/**
 * A page's text with the line arithmetic JavaParser uses: lines end at {@code \r\n}, {@code \n} or
 * {@code \r}, lines and columns are 1-based and a tab is one column. Positions from JavaParser map
 * back to exact character offsets, so edits can splice the original text.
 */
final class SourceText {

    private final String text;
    /** Offset of the first character of each line; index 0 is line 1. */
    private final List<Integer> lineStarts = new ArrayList<>();

    SourceText(String text) {
        this.text = text;
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if (c == '\r' || c == '\n') {
                lineStarts.add(i + 1);
            }
        }
    }

    String text() {
        return text;
    }

    int lineCount() {
        return lineStarts.size();
    }

    /** The offset of 1-based {@code line} and {@code column}. */
    int offset(int line, int column) {
        return lineStarts.get(line - 1) + column - 1;
    }

    /** The text of 1-based {@code line} without its line break; empty past the end. */
    String line(int line) {
        if (line < 1 || line > lineStarts.size()) {
            return "";
        }
        return text.substring(lineStarts.get(line - 1), lineEnd(line));
    }

    /** The offset just before the line break of {@code line}. */
    int lineEnd(int line) {
        int end = line < lineStarts.size() ? lineStarts.get(line) : text.length();
        while (end > lineStarts.get(line - 1) && isBreak(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** The 1-based line holding {@code offset}. */
    int lineOf(int offset) {
        int low = 0;
        int high = lineStarts.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (lineStarts.get(mid) <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low + 1;
    }

    /** The line break the file uses first, so inserted lines match it; {@code \n} for one-line files. */
    String lineBreak() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r";
            }
            if (c == '\n') {
                return "\n";
            }
        }
        return "\n";
    }

    /** The spaces and tabs that start {@code line}. */
    String indentation(int line) {
        String content = line(line);
        int i = 0;
        while (i < content.length() && (content.charAt(i) == ' ' || content.charAt(i) == '\t')) {
            i++;
        }
        return content.substring(0, i);
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }
}
