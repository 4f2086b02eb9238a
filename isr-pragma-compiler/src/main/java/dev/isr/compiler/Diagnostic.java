package dev.isr.compiler;

import java.util.Objects;

/**
 * One finding about one page, positioned like javac: {@code path:line:col: error: message},
 * then the source line and a caret under the column.
 *
 * @param path       the page path as shown to the user (relative to the project where possible)
 * @param line       1-based line, or 0 when the finding is about the whole file
 * @param column     1-based column, or 0 when the finding is about the whole line or file
 * @param severity   error or warning
 * @param message    what is wrong and, where it helps, how to fix it
 * @param sourceLine the text of {@code line} (without its line break), or empty
 */
public record Diagnostic(String path, int line, int column, Severity severity, String message, String sourceLine) {

    public enum Severity {
        ERROR, WARNING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Diagnostic {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        sourceLine = sourceLine == null ? "" : sourceLine;
    }

    public static Diagnostic error(String path, int line, int column, String message, String sourceLine) {
        return new Diagnostic(path, line, column, Severity.ERROR, message, sourceLine);
    }

    public static Diagnostic warning(String path, int line, int column, String message, String sourceLine) {
        return new Diagnostic(path, line, column, Severity.WARNING, message, sourceLine);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The first line only: {@code path:line:col: error: message}. */
    public String headline() {
        StringBuilder out = new StringBuilder(path);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        return out.append(": ").append(severity.label()).append(": ").append(message).toString();
    }

    /** The headline, then the source line and a caret under the column, as javac prints them. */
    public String format() {
        if (sourceLine.isEmpty() || line <= 0) {
            return headline();
        }
        StringBuilder out = new StringBuilder(headline()).append('\n').append(sourceLine);
        if (column > 0) {
            out.append('\n');
            // keep tabs so the caret lines up under tab-indented source
            for (int i = 0; i < column - 1 && i < sourceLine.length(); i++) {
                out.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
            }
            out.append('^');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return headline();
    }
}
