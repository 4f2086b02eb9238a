package dev.isr.compiler.template;

import java.util.Objects;
import java.util.Set;

/**
 * The template of one page, as handed to the {@link TemplateTranslator}.
 *
 * @param path        page path for diagnostics
 * @param text        everything after the page's {@code __END__} line
 * @param firstLine   the page's 1-based line number of the template's first line
 * @param routeParams the route's params, which {@code @@name} reads
 * @param dataNames   the page's data, which {@code @name} reads
 */
public record TemplateSource(String path, String text, int firstLine, Set<String> routeParams, Set<String> dataNames) {

    public TemplateSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        routeParams = Set.copyOf(routeParams);
        dataNames = Set.copyOf(dataNames);
    }
}
