package dev.isr.compiler.ruby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.isr.compiler.Diagnostic;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Shorthands for the translator tests: Ruby in, JavaScript or diagnostics out. */
final class Translations {

    static final String PAGE = "src/main/pages/posts/[slug].astro.rb";

    private Translations() {
    }

    static FrontMatter translate(RubyFrontMatterTranslator translator, String ruby, Set<String> routeParams, boolean cached) {
        return translator.translate(new FrontMatterSource(PAGE, ruby, routeParams, cached));
    }

    /** The data block of an uncached page with the route param {@code slug}, one statement a line; fails on any diagnostic. */
    static String js(RubyFrontMatterTranslator translator, String ruby) {
        FrontMatter result = translate(translator, ruby, Set.of("slug"), false);
        assertEquals(List.of(), result.diagnostics().stream().map(Diagnostic::format).toList(), "diagnostics of:\n" + ruby);
        return result.statements().stream().map(FrontMatter.JsStatement::code).collect(Collectors.joining("\n"));
    }

    /** The only error of translating {@code ruby} in a cached page with the route param {@code slug}. */
    static Diagnostic error(RubyFrontMatterTranslator translator, String ruby) {
        return error(translator, ruby, true);
    }

    static Diagnostic error(RubyFrontMatterTranslator translator, String ruby, boolean cached) {
        FrontMatter result = translate(translator, ruby, Set.of("slug"), cached);
        List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), () -> "one error expected for:\n" + ruby + "\ngot: "
                + errors.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        assertFalse(errors.get(0).message().isBlank());
        return errors.get(0);
    }
}
