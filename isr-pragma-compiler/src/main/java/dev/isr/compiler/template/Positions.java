package dev.isr.compiler.template;

import dev.isr.compiler.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** Template offsets as the page's lines and columns, for diagnostics. */
final class Positions {

    private final TemplateSource source;
    private final int[] lineStarts;

    Positions(TemplateSource source) {
        this.source = source;
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < source.text().length(); i++) {
            if (source.text().charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** An error at the template offset {@code offset}. */
    Diagnostic error(int offset, String message) {
        return at(offset, Diagnostic.Severity.ERROR, message);
    }

    /** The diagnostic {@code d}, found in an expression, at the template offset {@code offset} it came from. */
    Diagnostic moved(Diagnostic d, int offset) {
        return at(offset, d.severity(), d.message());
    }

    private Diagnostic at(int offset, Diagnostic.Severity severity, String message) {
        int line = line(offset);
        int lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : source.text().length();
        return new Diagnostic(source.path(), source.firstLine() + line, offset - lineStarts[line] + 1, severity,
                message, source.text().substring(lineStarts[line], lineEnd));
    }

    /** {@code line:column} in the page, for messages. */
    String at(int offset) {
        int line = line(offset);
        return (source.firstLine() + line) + ":" + (offset - lineStarts[line] + 1);
    }

    private int line(int offset) {
        int line = 0;
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) {
            line++;
        }
        return line;
    }
}
