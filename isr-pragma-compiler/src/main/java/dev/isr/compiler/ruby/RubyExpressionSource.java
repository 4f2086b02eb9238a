package dev.isr.compiler.ruby;

import java.util.Objects;
import java.util.Set;

/**
 * One Ruby expression of a page's template ({@code {posts.map { |p| ... }}} without its braces), as handed to
 * the translator. Its diagnostics are positioned in {@code text}; the template translator moves them into the page.
 *
 * @param path        page path for diagnostics
 * @param text        the expression; may span lines
 * @param routeParams names of the page's route params: {@code @@name} must be one of them
 * @param dataNames   the page's data (every {@code @name} its data block assigns): the only instance variables a
 *                    template can read
 */
public record RubyExpressionSource(String path, String text, Set<String> routeParams, Set<String> dataNames) {

    public RubyExpressionSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        routeParams = Set.copyOf(routeParams);
        dataNames = Set.copyOf(dataNames);
    }
}
