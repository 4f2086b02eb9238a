package dev.isr.compiler.java;

import dev.isr.compiler.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What {@link JavaPageParser} found: the page, unless it has syntax errors, and the diagnostics.
 *
 * @param page        the parsed page; empty when {@code diagnostics} holds an error
 * @param diagnostics syntax errors, or warnings about a parsed page
 */
public record JavaPageParse(Optional<JavaPage> page, List<Diagnostic> diagnostics) {

    public JavaPageParse {
        diagnostics = List.copyOf(diagnostics);
    }
}
