package dev.isr.compiler.escape;

/**
 * The one escaper for every value placed in generated Java (routes, keys, tags, page paths).
 *
 * <p>Java turns {@code \}{@code uXXXX} escapes into characters before it even finds comments and
 * literals, so an escape spelled {@code \}{@code u000a} inside a comment ends that comment. A backslash
 * that follows an odd number of backslashes cannot start such an escape: both methods double every
 * backslash, which makes every {@code u} after a backslash plain text.
 */
public final class JavaEscaper {

    private JavaEscaper() {
    }

    /**
     * A double-quoted Java string literal meaning exactly {@code value}. The literal is pure ASCII, so
     * it means the same whatever encoding the generated file is compiled with.
     */
    public static String stringLiteral(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        // octal, never a Unicode escape: javac would turn one for a line break into a real one
                        out.append(String.format("\\%03o", (int) c));
                    } else if (c > 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Text safe inside a {@code //} line comment or a {@code /* *\/} block comment: one line, no
     * comment terminator, no backslash that could start a Unicode escape, nothing an encoder rejects.
     */
    public static String commentText(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '*' && i + 1 < value.length() && value.charAt(i + 1) == '/') {
                out.append("* ");
            } else if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else if (Character.isSurrogate(c) && !isPairedSurrogate(value, i)) {
                // no encoding can write a lone surrogate into the generated file
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isPairedSurrogate(String value, int i) {
        if (Character.isHighSurrogate(value.charAt(i))) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
