package dev.isr.compiler.output;

import java.util.List;
import java.util.Map;

/**
 * Pretty-prints a JSON value built from {@link Map} (keys in the map's order), {@link List},
 * {@link String}, {@link Number}, {@link Boolean} and {@code null}, with two-space indents and
 * {@code \n} line breaks, so the same value always gives the same bytes.
 */
final class JsonWriter {

    private JsonWriter() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, "");
        return out.append('\n').toString();
    }

    private static void append(StringBuilder out, Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(indent).append("  ");
                appendString(out, String.valueOf(entry.getKey()));
                out.append(": ");
                append(out, entry.getValue(), indent + "  ");
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
            } else if (scalars(list)) {
                // short scalar lists (tags, params) read best on one line
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    append(out, list.get(i), indent);
                    out.append(i + 1 < list.size() ? ", " : "");
                }
                out.append(']');
            } else {
                out.append("[\n");
                for (int i = 0; i < list.size(); i++) {
                    out.append(indent).append("  ");
                    append(out, list.get(i), indent + "  ");
                    out.append(i + 1 < list.size() ? ",\n" : "\n");
                }
                out.append(indent).append(']');
            }
        } else if (value instanceof String s) {
            appendString(out, s);
        } else if (value == null || value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    /** Plain loops here and below: a one-page rebuild renders the whole manifest, in Maven's cold JVM. */
    private static boolean scalars(List<?> list) {
        for (Object element : list) {
            if (!(element instanceof String || element instanceof Number)) {
                return false;
            }
        }
        return true;
    }

    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        int plain = 0;
        while (plain < s.length() && !needsEscape(s.charAt(plain))) {
            plain++;
        }
        // most strings (paths, routes, tags) need no escape: appended at once, not char by char
        out.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Whether {@code c} is written as an escape. */
    private static boolean needsEscape(char c) {
        return c == '"' || c == '\\' || c < 0x20 || c == '\u2028' || c == '\u2029';
    }
}
