package dev.isr.compiler.template;

import dev.isr.compiler.Diagnostic;
import dev.isr.compiler.ruby.RubyExpression;
import dev.isr.compiler.ruby.RubyExpressionSource;
import dev.isr.compiler.template.LanguageSigns.Sign;
import dev.isr.compiler.template.LanguageSigns.Verdict;
import dev.isr.compiler.template.Part.Container;
import dev.isr.compiler.template.Part.Element;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the Ruby expressions of an {@code .astro.rb} or {@code .jsx.rb} page's template. Each container
 * {@code {…}} is judged by {@link LanguageSigns}: Ruby is translated with the data block's translator, its JSX
 * elements carried through (each replaced by a placeholder name while the Ruby is translated, then put back with
 * its own containers translated); JavaScript, and code that means the same in both, is left as written; code with
 * signs of both is an error at the container, as is Ruby that cannot be translated, at its construct. A template
 * with any error yields no text to emit.
 */
public final class TemplateTranslator {

    private static final String PLACEHOLDER = "__isr_jsx";
    private final Function<RubyExpressionSource, RubyExpression> ruby;

    /** @param ruby translates one Ruby expression (the front matter translator's expression path) */
    public TemplateTranslator(Function<RubyExpressionSource, RubyExpression> ruby) {
        this.ruby = ruby;
    }

    /** Whether templates of a page format hold JSX expressions: {@code astro} and {@code jsx}, not {@code erb}. */
    public static boolean translates(String format) {
        return format.equals("astro") || format.equals("jsx");
    }

    public Template translate(TemplateSource source) {
        Positions positions = new Positions(source);
        List<Part> parts;
        try {
            parts = TemplateScanner.scan(source.text());
        } catch (TemplateScanner.Malformed e) {
            return new Template("", "", false, List.of(positions.error(e.offset(), e.getMessage())));
        }
        Run run = new Run(source, positions);
        String text = run.render(0, source.text().length(), parts, false);
        String jsx = run.render(0, source.text().length(), parts, true);
        boolean failed = run.diagnostics.stream().anyMatch(Diagnostic::isError);
        return new Template(failed ? "" : text, failed ? "" : jsx, run.readsRouteParams, run.diagnostics);
    }

    /**
     * A container's translation, made once and rendered for each output.
     *
     * @param code        the JavaScript with placeholders {@code <prefix>0, <prefix>1…} for its elements; null when the
     *                    container is left as written
     * @param placeholder the placeholder prefix
     * @param failed      whether it could not be translated (its diagnostics are reported)
     */
    private record Translation(String code, String placeholder, boolean failed) {

        static final Translation AS_WRITTEN = new Translation(null, null, false);
        static final Translation FAILED = new Translation(null, null, true);
    }

    /**
     * A container's Ruby with each element replaced by {@code " <placeholder>N "}, and where each piece came from.
     *
     * @param starts  offsets in {@code text} where a piece starts
     * @param origins template offsets the pieces came from
     * @param element whether the piece is a placeholder (every offset in it maps to the element's start)
     */
    private record Rewrite(String text, int[] starts, int[] origins, boolean[] element) {

        int origin(int offset) {
            int piece = 0;
            while (piece + 1 < starts.length && starts[piece + 1] <= offset) {
                piece++;
            }
            return element[piece] ? origins[piece] : origins[piece] + offset - starts[piece];
        }
    }

    private final class Run {

        private final TemplateSource source;
        private final Positions positions;
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final Map<Container, Translation> translations = new IdentityHashMap<>();
        private boolean readsRouteParams;

        Run(TemplateSource source, Positions positions) {
            this.source = source;
            this.positions = positions;
        }

        String render(int from, int to, List<Part> parts, boolean react) {
            StringBuilder out = new StringBuilder();
            int at = from;
            for (Part part : parts) {
                out.append(source.text(), at, part.start());
                if (part instanceof Part.Fix fix) {
                    out.append(react ? fix.react() : source.text().substring(fix.start(), fix.end()));
                } else {
                    out.append(container((Container) part, react));
                }
                at = part.end();
            }
            return out.append(source.text(), at, to).toString();
        }

        private String container(Container container, boolean react) {
            List<String> elements = new ArrayList<>();
            for (Element element : container.elements()) {
                elements.add(render(element.start(), element.end(), element.parts(), react));
            }
            Translation translation = translations.get(container);
            if (translation == null) {
                translation = translate(container);
                translations.put(container, translation);
            }
            if (translation.failed()) {
                return source.text().substring(container.start(), container.end());
            }
            if (translation.code() == null) {
                return "{" + spliced(container, elements) + "}";
            }
            Matcher m = Pattern.compile(Pattern.quote(translation.placeholder()) + "(\\d+)\\b").matcher(translation.code());
            StringBuilder out = new StringBuilder("{");
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(elements.get(Integer.parseInt(m.group(1)))));
            }
            m.appendTail(out);
            return out.append('}').toString();
        }

        /** The container's content as written, its elements replaced by their rendering. */
        private String spliced(Container container, List<String> elements) {
            StringBuilder out = new StringBuilder();
            int at = container.contentStart();
            for (int i = 0; i < elements.size(); i++) {
                Element element = container.elements().get(i);
                out.append(source.text(), at, element.start()).append(elements.get(i));
                at = element.end();
            }
            return out.append(source.text(), at, container.contentEnd()).toString();
        }

        private Translation translate(Container container) {
            Verdict verdict = LanguageSigns.judge(container);
            if (verdict.isMixed()) {
                Sign r = verdict.ruby().orElseThrow();
                Sign js = verdict.javaScript().orElseThrow();
                diagnostics.add(positions.error(container.start(), "this expression mixes Ruby (" + r.what() + " at "
                        + positions.at(container.contentStart() + r.offset()) + ") and JavaScript (" + js.what() + " at "
                        + positions.at(container.contentStart() + js.offset()) + "), so the compiler cannot tell how to"
                        + " read it; write it all in Ruby or all in JavaScript"));
                return Translation.FAILED;
            }
            if (!verdict.isRuby()) {
                return Translation.AS_WRITTEN;
            }
            String content = source.text().substring(container.contentStart(), container.contentEnd());
            String placeholder = PLACEHOLDER;
            while (content.contains(placeholder)) {
                placeholder += "_";
            }
            Rewrite rewrite = rewrite(container, placeholder);
            RubyExpression result = ruby.apply(new RubyExpressionSource(source.path(), rewrite.text(),
                    source.routeParams(), source.dataNames()));
            for (Diagnostic d : result.diagnostics()) {
                diagnostics.add(positions.moved(d, rewrite.origin(offset(rewrite.text(), d.line(), d.column()))));
            }
            if (result.hasErrors()) {
                return Translation.FAILED;
            }
            for (int i = 0; i < container.elements().size(); i++) {
                Matcher uses = Pattern.compile(Pattern.quote(placeholder + i) + "\\b").matcher(result.code());
                if (uses.results().count() != 1) {
                    diagnostics.add(positions.error(container.elements().get(i).start(), "this element is not used"
                            + " exactly once by the translated expression; compute the value in the data block"));
                    return Translation.FAILED;
                }
            }
            readsRouteParams |= result.readsRouteParams();
            return new Translation(result.code(), placeholder, false);
        }

        private Rewrite rewrite(Container container, String placeholder) {
            List<Element> elements = container.elements();
            int pieces = 2 * elements.size() + 1;
            int[] starts = new int[pieces];
            int[] origins = new int[pieces];
            boolean[] element = new boolean[pieces];
            StringBuilder out = new StringBuilder();
            int at = container.contentStart();
            for (int i = 0; i < elements.size(); i++) {
                starts[2 * i] = out.length();
                origins[2 * i] = at;
                out.append(source.text(), at, elements.get(i).start());
                starts[2 * i + 1] = out.length();
                origins[2 * i + 1] = elements.get(i).start();
                element[2 * i + 1] = true;
                // spaced, so that `x ? <A/>: <B/>` does not become the keyword `…0:`
                out.append(' ').append(placeholder).append(i).append(' ');
                at = elements.get(i).end();
            }
            starts[pieces - 1] = out.length();
            origins[pieces - 1] = at;
            out.append(source.text(), at, container.contentEnd());
            return new Rewrite(out.toString(), starts, origins, element);
        }
    }

    /** The offset of a 1-based line and column in {@code text}; column 0 means the line's start. */
    private static int offset(String text, int line, int column) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', start);
            if (next < 0) {
                break;
            }
            start = next + 1;
        }
        return Math.min(start + Math.max(column - 1, 0), text.length());
    }
}
