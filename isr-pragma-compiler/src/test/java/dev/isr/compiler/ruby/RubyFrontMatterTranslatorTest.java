package dev.isr.compiler.ruby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** JRuby boots lazily, once, and only for a page that has front matter to parse. */
class RubyFrontMatterTranslatorTest {

    @Test
    void bootsOnTheFirstPageWithFrontMatterAndOnlyOnce() {
        try (RubyFrontMatterTranslator translator = new RubyFrontMatterTranslator()) {
            assertEquals(Optional.empty(), translator.bootTime());
            FrontMatter blank = translator.translate(new FrontMatterSource("a.astro.rb", " \n\n", Set.of(), true));
            assertEquals(new FrontMatter(List.of(), List.of(), List.of(), List.of()), blank);
            assertEquals(Optional.empty(), translator.bootTime(), "blank front matter needs no parser");

            translator.translate(new FrontMatterSource("b.astro.rb", "@a = 1", Set.of(), true));
            var boot = translator.bootTime().orElseThrow();
            assertTrue(!boot.isNegative() && !boot.isZero());
            translator.translate(new FrontMatterSource("c.astro.rb", "@b = 2", Set.of(), true));
            assertEquals(Optional.of(boot), translator.bootTime(), "one runtime per translator");
        }
    }

    @Test
    void refusesWorkAfterClose() {
        RubyFrontMatterTranslator translator = new RubyFrontMatterTranslator();
        translator.close();
        translator.close();
        assertThrows(IllegalStateException.class,
                () -> translator.translate(new FrontMatterSource("a.astro.rb", "@a = 1", Set.of(), false)));
    }
}
