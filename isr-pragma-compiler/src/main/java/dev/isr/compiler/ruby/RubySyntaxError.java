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

    /** 1-based line; 0 when the parser could not say. */
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

    /**
     * A syntax error JRuby failed to report: its lexer (9.4.14) throws while quoting a long line of multi-byte
     * characters that ends in a character it rejects. That character is a control character in every case seen,
     * so the first one is the error's position; without one, the error is about the whole front matter.
     */
    static RubySyntaxError unreported(String sourceText) {
        String[] lines = sourceText.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (int j = 0; j < lines[i].length(); j++) {
                char c = lines[i].charAt(j);
                if (Character.isISOControl(c) && c != '\t' && c != '\r') {
                    return new RubySyntaxError(i + 1, j + 1, String.format("invalid character U+%04X in Ruby code", (int) c));
                }
            }
        }
        return new RubySyntaxError(0, 0, "the Ruby parser rejected this front matter without saying where;"
                + " look for characters that cannot appear in Ruby code");
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
