package dev.isr.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.Diagnostic;
import dev.isr.compiler.ruby.RubyExpression;
import dev.isr.compiler.template.Template;
import dev.isr.compiler.template.TemplateSource;
import dev.isr.compiler.template.TemplateTranslator;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The template translator on any arrangement of template tokens, over a stand-in Ruby translator that returns its
 * input (placeholders included) as the JavaScript: it always returns, positions every diagnostic inside the
 * template, and when there is none loses or reorders no character — every element and container is put back
 * where it was (the stand-in's only change is the space around each placeholder).
 */
@AddLifecycleHook(FuzzTriesHook.class)
class TemplateFuzzTest {

    private static final int FIRST_LINE = 4;
    private static final Bounded BOUNDED = new Bounded(Duration.ofSeconds(10));
    private static final TemplateTranslator IDENTITY = new TemplateTranslator(
            source -> new RubyExpression(source.text(), false, List.of()));
    /** Reports an error at a line and column derived from the expression, to exercise the mapping back. */
    private static final TemplateTranslator FAILING = new TemplateTranslator(source -> new RubyExpression("", false,
            List.of(Diagnostic.error(source.path(), 1 + source.text().length() % 3, source.text().length() % 7, "no", ""))));
    private static final List<String> TOKENS = List.of("{", "}", "{", "}", "<", ">", "/>", "</", "<li>", "</li>",
            "<Card post={p} />", "<br>", "|p|", " do ", " end", "\"", "'", "`", "#{", "${", "=>", "\n", " ", "  ",
            "posts.map ", "<!--", "-->", "<style>", "</style>", ":sym", "?", ":", "a", "1", "/*", "*/", "\\", "@x",
            "<>", "</>", "class=", "=", "nil", "(", ")", ",", "&:", "x.nil?", "<!DOCTYPE html>", "<Row item={i}>");

    @Provide
    Arbitrary<String> templates() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(40).map(tokens -> String.join("", tokens));
    }

    @Property
    @FuzzTries(ci = 2000)
    void translatesOrReportsInsideTheTemplate(@ForAll("templates") String template) {
        TemplateSource source = new TemplateSource("p.astro.rb", template, FIRST_LINE, Set.of("slug"), Set.of("x"));
        Template translated = BOUNDED.call(template, () -> IDENTITY.translate(source));
        int lines = template.split("\n", -1).length;
        for (Diagnostic d : translated.diagnostics()) {
            assertTrue(d.line() >= FIRST_LINE && d.line() < FIRST_LINE + lines, d.format());
            assertTrue(d.column() >= 1 && d.column() <= d.sourceLine().length() + 1, d.format());
        }
        if (translated.diagnostics().isEmpty()) {
            assertEquals(template.replace(" ", ""), translated.text().replace(" ", ""));
        } else {
            assertEquals("", translated.text(), "a template with errors has no text");
        }

        Template failed = BOUNDED.call(template, () -> FAILING.translate(source));
        for (Diagnostic d : failed.diagnostics()) {
            assertTrue(d.line() >= FIRST_LINE && d.line() < FIRST_LINE + lines, d.format());
            assertTrue(d.column() >= 1 && d.column() <= d.sourceLine().length() + 1, d.format());
        }
    }
}
