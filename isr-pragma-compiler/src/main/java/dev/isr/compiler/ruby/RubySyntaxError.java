package dev.isr.compiler.ruby;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Ruby syntax error, positioned. JRuby reports one as {@code file:line: message}, then the source line and
 * a caret line whose caret sits under the offending token, counted in bytes of the UTF-8 line.
 */
final class RubySyntaxError extends Exception {

    private static final Pattern HEADLINE = Pattern.compile("^.*?:(\\d+): (.*)$");

    private final int line;
    private final int column;
    private final String reason;

    private RubySyntaxError(int line, int column, String reason) {
        super(line + ":" + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** 1-based line. */
    int line() {
        return line;
    }

    /** 1-based column (UTF-16 units, like every column we report). */
    int column() {
        return column;
    }

    /** The parser's message without the file and line. */
    String reason() {
        return reason;
    }

    static RubySyntaxError fromJRubyMessage(String message, String sourceText) {
        String[] parts = message.split("\n", -1);
        Matcher headline = HEADLINE.matcher(parts[0]);
        if (!headline.matches()) {
            return new RubySyntaxError(1, 1, message.strip());
        }
        int line = Integer.parseInt(headline.group(1));
        String reason = headline.group(2).strip();
        String sourceLine = SourceText.of(sourceText).line(line - 1);
        int caret = parts.length >= 3 ? parts[2].indexOf('^') : -1;
        int column;
        if (caret >= 0) {
            column = charIndexOfByteOffset(sourceLine, caret) + 1;
        } else if (reason.contains("end-of-file")) {
            // without a final line break JRuby prints no caret; the file ended after the last character
            column = sourceLine.length() + 1;
        } else {
            column = SourceText.firstNonBlank(sourceLine) + 1;
        }
        return new RubySyntaxError(line, column, reason);
    }

    /** The index of the character that starts at UTF-8 byte {@code offset} of {@code line} (the line end if past it). */
    private static int charIndexOfByteOffset(String line, int offset) {
        int bytes = 0;
        int i = 0;
        while (i < line.length() && bytes < offset) {
            int codePoint = line.codePointAt(i);
            bytes += new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            i += Character.charCount(codePoint);
        }
        return i;
    }
}
