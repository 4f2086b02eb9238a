package dev.isr.compiler.ruby;

import dev.isr.compiler.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jruby.ast.Node;

/**
 * What the translation of one front matter knows and finds: the source and its positions, the page's route
 * params, the locals in scope, the data names, and the diagnostics so far.
 */
final class TranslationContext {

    /** A name and where it occurs. */
    record Occurrence(String name, SourceText.Position position) {
    }

    private final FrontMatterSource page;
    private final SourceText source;
    private final Scope scope = new Scope();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, SourceText.Position> dataNames = new LinkedHashMap<>();
    private final List<Occurrence> dataReads = new ArrayList<>();
    private final Map<String, SourceText.Position> locals = new LinkedHashMap<>();
    private final List<Occurrence> methodReferences = new ArrayList<>();
    private boolean readsRouteParams;
    private int statementFirstLine;
    private int statementLastLine;

    TranslationContext(FrontMatterSource page) {
        this.page = page;
        this.source = SourceText.of(page.text());
    }

    SourceText source() {
        return source;
    }

    Scope scope() {
        return scope;
    }

    boolean cached() {
        return page.cached();
    }

    boolean isRouteParam(String name) {
        return page.routeParams().contains(name);
    }

    /** The route's params for messages: {@code slug, id}, or a note that there are none. */
    String routeParamsForMessages() {
        Set<String> sorted = new TreeSet<>(page.routeParams());
        return sorted.isEmpty() ? "the route has no params" : "the route's params: " + String.join(", ", sorted);
    }

    /** Limits locating to the lines of the top-level statement being translated (0-based, inclusive). */
    void startStatement(int firstLine, int lastLine) {
        statementFirstLine = firstLine;
        statementLastLine = lastLine;
    }

    /** The position of {@code token} at or after the node's line, within the current statement. */
    SourceText.Position locate(Pattern token, Node node) {
        int line = Math.max(node.getLine(), statementFirstLine);
        return source.locate(token, line, statementLastLine);
    }

    /** Whether the located token is directly followed by an opening parenthesis. */
    boolean followedByParenthesis(SourceText.Position position) {
        return position.end() >= 0 && source.codeCharAt(position.line() - 1, position.end(), '(');
    }

    Untranslatable untranslatable(Node node, Pattern token, String message) {
        return new Untranslatable(locate(token, node), message);
    }

    void error(SourceText.Position at, String message) {
        diagnostics.add(Diagnostic.error(page.path(), at.line(), at.column(), message, source.line(at.line() - 1)));
    }

    void warning(SourceText.Position at, String message) {
        diagnostics.add(Diagnostic.warning(page.path(), at.line(), at.column(), message, source.line(at.line() - 1)));
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Notes a read of {@code params}: a template that reads them needs {@code params} in its scope. */
    void readRouteParams() {
        readsRouteParams = true;
    }

    boolean readsRouteParams() {
        return readsRouteParams;
    }

    void assignedData(String name, SourceText.Position at) {
        dataNames.putIfAbsent(name, at);
    }

    void readData(String name, SourceText.Position at) {
        dataReads.add(new Occurrence(name, at));
    }

    void assignedLocal(String name, SourceText.Position at) {
        locals.putIfAbsent(name, at);
    }

    void referencedMethod(String name, SourceText.Position at) {
        methodReferences.add(new Occurrence(name, at));
    }

    Map<String, SourceText.Position> dataNames() {
        return dataNames;
    }

    List<Occurrence> dataReads() {
        return dataReads;
    }

    Map<String, SourceText.Position> locals() {
        return locals;
    }

    List<Occurrence> methodReferences() {
        return methodReferences;
    }
}
