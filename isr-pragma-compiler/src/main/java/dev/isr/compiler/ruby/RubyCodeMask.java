package dev.isr.compiler.ruby;

import java.util.ArrayList;
import java.util.List;

/**
 * Blanks out what is not code in Ruby source lines: comments, the contents of string, symbol, word-list and
 * backtick literals, and heredoc bodies. Interpolated code ({@code #{...}}) stays. Delimiters stay, so a
 * backtick literal can still be located. Every line keeps its length, so a column in the mask is a column in
 * the source. A best-effort lexer: it only has to be right about where tokens of code are.
 */
final class RubyCodeMask {

    private final List<String> lines;
    private final List<StringBuilder> out = new ArrayList<>();
    private final List<String> pendingHeredocs = new ArrayList<>();
    private int line;
    private int col;

    private RubyCodeMask(List<String> lines) {
        this.lines = lines;
        for (String l : lines) {
            out.add(new StringBuilder(l));
        }
    }

    static List<String> mask(List<String> lines) {
        RubyCodeMask mask = new RubyCodeMask(lines);
        mask.code('\0');
        return mask.out.stream().map(StringBuilder::toString).toList();
    }

    private boolean atEnd() {
        return line >= lines.size();
    }

    private char peek(int ahead) {
        String l = lines.get(line);
        return col + ahead < l.length() ? l.charAt(col + ahead) : '\n';
    }

    private void advance(boolean blank) {
        if (atEnd()) {
            return; // a literal left open at the end of the text: its closing step has nothing to step over
        }
        String l = lines.get(line);
        if (col >= l.length()) {
            line++;
            col = 0;
            skipHeredocBodies();
            return;
        }
        if (blank) {
            out.get(line).setCharAt(col, ' ');
        }
        col++;
    }

    /** Code until {@code closer} (unmatched) or the end; {@code '\0'} for the whole text. */
    private void code(char closer) {
        int depth = 0;
        while (!atEnd()) {
            char c = peek(0);
            if (c == closer && depth == 0) {
                return;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            if (c == '#') {
                blankRestOfLine();
            } else if (c == '"' || c == '\'' || c == '`') {
                advance(false);
                literal(c, c, c != '\'');
                advance(false);
            } else if (c == ':' && peek(1) == '"') {
                advance(false);
            } else if (c == '%' && isPercentLiteral()) {
                percentLiteral();
            } else if (c == '<' && peek(1) == '<' && (peek(2) == '~' || peek(2) == '-' || isHeredocName(peek(2)))) {
                heredocStart();
            } else {
                advance(false);
            }
        }
    }

    private boolean isHeredocName(char c) {
        return Character.isUpperCase(c) || c == '\'' || c == '"';
    }

    private void blankRestOfLine() {
        String l = lines.get(line);
        while (col < l.length()) {
            advance(true);
        }
    }

    /** The contents of a literal up to (not including) its closing delimiter. */
    private void literal(char opener, char closer, boolean interpolates) {
        int depth = 0;
        while (!atEnd()) {
            char c = peek(0);
            if (c == '\\') {
                advance(true);
                advance(true);
            } else if (interpolates && c == '#' && peek(1) == '{') {
                advance(true);
                advance(false);
                code('}');
                advance(false);
            } else if (c == closer && depth == 0) {
                return;
            } else {
                if (opener != closer && c == opener) {
                    depth++;
                } else if (opener != closer && c == closer) {
                    depth--;
                }
                advance(c != '\n' || col < lines.get(line).length());
            }
        }
    }

    private boolean isPercentLiteral() {
        char next = peek(1);
        if ("wWiIqQrsx".indexOf(next) >= 0) {
            return !Character.isLetterOrDigit(peek(2)) && peek(2) != ' ' && peek(2) != '\n';
        }
        return next == '(' || next == '[' || next == '{' || next == '<' || next == '|' || next == '!';
    }

    private void percentLiteral() {
        advance(false);
        char kind = peek(0);
        if (Character.isLetter(kind)) {
            advance(false);
        }
        char opener = peek(0);
        char closer = switch (opener) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            case '<' -> '>';
            default -> opener;
        };
        advance(false);
        literal(opener, closer, "qwis".indexOf(kind) < 0);
        advance(false);
    }

    private void heredocStart() {
        String l = lines.get(line);
        int i = col + 2;
        if (i < l.length() && (l.charAt(i) == '~' || l.charAt(i) == '-')) {
            i++;
        }
        char quote = i < l.length() ? l.charAt(i) : ' ';
        int nameStart = quote == '\'' || quote == '"' ? i + 1 : i;
        int nameEnd = nameStart;
        while (nameEnd < l.length() && (Character.isLetterOrDigit(l.charAt(nameEnd)) || l.charAt(nameEnd) == '_')) {
            nameEnd++;
        }
        if (nameEnd == nameStart) {
            advance(false);
            return;
        }
        pendingHeredocs.add(l.substring(nameStart, nameEnd));
        while (col < nameEnd) {
            advance(false);
        }
    }

    /** Called at the start of a line: the bodies of the heredocs opened on the previous line come first. */
    private void skipHeredocBodies() {
        while (!pendingHeredocs.isEmpty() && !atEnd()) {
            String name = pendingHeredocs.remove(0);
            while (!atEnd() && !lines.get(line).strip().equals(name)) {
                col = 0;
                blankRestOfLine();
                line++;
            }
            if (!atEnd()) {
                line++;
            }
            col = 0;
        }
    }
}
