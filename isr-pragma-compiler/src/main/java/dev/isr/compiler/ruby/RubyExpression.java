package dev.isr.compiler.ruby;

import dev.isr.compiler.Diagnostic;
import java.util.List;

/**
 * A template's Ruby expression translated to JavaScript.
 *
 * @param code             the JavaScript expression; empty when there are errors
 * @param readsRouteParams whether it reads {@code params} ({@code @@slug}, {@code params[:slug]}), which the
 *                         template's scope must then provide
 * @param diagnostics      errors and warnings, lines and columns counted in the expression's text
 */
public record RubyExpression(String code, boolean readsRouteParams, List<Diagnostic> diagnostics) {

    public RubyExpression {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
