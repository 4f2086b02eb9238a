package dev.isr.compiler.ruby;

import java.util.Objects;
import java.util.Set;

/**
 * The Ruby front matter of one page, as handed to the translator.
 *
 * @param path        page path for diagnostics, as the user should see it
 * @param text        the front matter: every line before the {@code __END__} line
 * @param routeParams names of the page's route params ({@code slug} for {@code posts/[slug]}); {@code @@name} must be one of them
 * @param cached      {@code true} for a pragma page: reading request state is then an error
 */
public record FrontMatterSource(String path, String text, Set<String> routeParams, boolean cached) {

    public FrontMatterSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        routeParams = Set.copyOf(routeParams);
    }
}
