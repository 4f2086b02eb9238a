package dev.isr.compiler.escape;

/**
 * The one escaper for every value placed in generated JavaScript (page paths, keys, tags, strings).
 * Whatever the input, the output stays inside its literal or comment, also when the JavaScript is
 * inlined into an HTML {@code <script>} element.
 */
public final class JsEscaper {

    private JsEscaper() {
    }

    /** A double-quoted JavaScript string literal meaning exactly {@code value}. */
    public static String stringLiteral(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        appendEscaped(out, value, '"');
        return out.append('"').toString();
    }

    /**
     * The text of a template literal chunk (between backticks, outside {@code ${}}) meaning exactly
     * {@code value}: backticks, backslashes and {@code ${} are escaped.
     */
    public static String templateText(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
                out.append("\\$");
            } else if (c == '`' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                // a literal newline is legal in a template literal, but an escape keeps statements on one line
                out.append("\\n");
            } else {
                appendChar(out, value, i, c);
            }
        }
        return out.toString();
    }

    /** Text safe inside a {@code //} line comment or a {@code /* *\/} block comment: one line, no comment terminator. */
    public static String commentText(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else if (c == '*' && i + 1 < value.length() && value.charAt(i + 1) == '/') {
                out.append("*\\");
            } else if (c == '<' && value.regionMatches(true, i, "</script", 0, 8)) {
                out.append("<\\");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, String value, char quote) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else {
                appendChar(out, value, i, c);
            }
        }
    }

    private static void appendChar(StringBuilder out, String value, int i, char c) {
        switch (c) {
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            // line terminators that end a line in older engines and in source maps
            case '\u2028' -> out.append("\\u2028");
            case '\u2029' -> out.append("\\u2029");
            case '<' -> {
                // "</script" would end an inline <script> element; "<!--" would start an HTML comment
                if (value.regionMatches(true, i + 1, "/script", 0, 7) || value.startsWith("!--", i + 1)) {
                    out.append("\\x3C");
                } else {
                    out.append(c);
                }
            }
            default -> {
                if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !isPairedSurrogate(value, i)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }

    private static boolean isPairedSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
