package dev.isr.compiler.java;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import dev.isr.compiler.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects one page's errors, each positioned at a node or a line and column of the page. */
final class PageDiagnostics {

    private final String path;
    private final SourceText source;
    private final List<Diagnostic> found = new ArrayList<>();

    PageDiagnostics(String path, SourceText source) {
        this.path = path;
        this.source = source;
    }

    void error(Node at, String message) {
        Position begin = at.getBegin().orElseThrow();
        error(begin.line, begin.column, message);
    }

    void error(int line, int column, String message) {
        found.add(Diagnostic.error(path, line, column, message, source.line(line)));
    }

    boolean hasErrors() {
        return !found.isEmpty();
    }

    /** The errors in page order. */
    List<Diagnostic> list() {
        return found.stream().sorted(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column)).toList();
    }
}
