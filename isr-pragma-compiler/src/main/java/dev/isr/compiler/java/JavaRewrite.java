package dev.isr.compiler.java;

import dev.isr.compiler.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of rewriting one pragma page.
 *
 * @param source      the generated page source; empty when {@code diagnostics} holds errors
 * @param route       the page's route, for the manifest; empty when it could not be decided
 * @param diagnostics the errors that stopped the rewrite
 */
public record JavaRewrite(Optional<String> source, Optional<JavaRoute> route, List<Diagnostic> diagnostics) {

    public JavaRewrite {
        diagnostics = List.copyOf(diagnostics);
    }
}
