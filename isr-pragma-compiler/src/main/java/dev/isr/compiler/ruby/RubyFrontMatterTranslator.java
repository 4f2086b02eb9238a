package dev.isr.compiler.ruby;

import dev.isr.compiler.Diagnostic;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jruby.ast.RootNode;

/**
 * Translates the Ruby front matter of pages to JavaScript (SPEC §4): imports become ES imports, the rest is the
 * data-loading block, statement by statement, following Ruby2JS's core conventions; request state read in a
 * cached page and constructs without a faithful translation are errors with their exact position.
 *
 * <p>Cheap to create: JRuby (needed for its parser) boots on the first page that has front matter, once per
 * translator, and is torn down by {@link #close()}. Not for concurrent use by several threads at once; calls are
 * serialised.
 */
public final class RubyFrontMatterTranslator implements AutoCloseable {

    private RubyParser parser;
    private boolean closed;

    public RubyFrontMatterTranslator() {
        // JRuby boots on the first translate
    }

    public synchronized FrontMatter translate(FrontMatterSource source) {
        ensureOpen();
        if (source.text().isBlank()) {
            return new FrontMatter(List.of(), List.of(), List.of(), List.of());
        }
        return parseThen(source.path(), source.text(),
                root -> new FrontMatterTranslation(source).translate(root),
                RubyFrontMatterTranslator::failed,
                // a last resort for nesting deeper than the stack (expressions are capped before that, the literal
                // masker is not); the stack is whole again once unwound to here
                "the front matter nests too deeply to translate; split it into smaller statements");
    }

    /**
     * Translates one Ruby expression of a template with the data block's rules; instance variables are the page's
     * data, {@code @@name} its route params. Request state is not checked: the template is not what is cached by key.
     */
    public synchronized RubyExpression translateExpression(RubyExpressionSource source) {
        ensureOpen();
        FrontMatterSource page = new FrontMatterSource(source.path(), source.text(), source.routeParams(), false);
        return parseThen(source.path(), source.text(),
                root -> new FrontMatterTranslation(page).expression(root, source.dataNames()),
                error -> new RubyExpression("", false, List.of(error)),
                "this expression nests too deeply to translate; split it");
    }

    /** Parses {@code text} and hands the tree to {@code translate}; a syntax error or a too deep nesting to {@code failed}. */
    private <R> R parseThen(String path, String text, Function<RootNode, R> translate, Function<Diagnostic, R> failed,
                            String tooDeep) {
        boot();
        try {
            RootNode root;
            try {
                root = parser.parse(path, text);
            } catch (RubySyntaxError e) {
                String sourceLine = SourceText.of(text).line(e.line() - 1);
                return failed.apply(Diagnostic.error(path, e.line(), e.column(), e.reason(), sourceLine));
            }
            return translate.apply(root);
        } catch (StackOverflowError e) {
            return failed.apply(Diagnostic.error(path, 1, 1, tooDeep, text.lines().findFirst().orElse("")));
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the translator is closed");
        }
    }

    /** Boots JRuby now unless it has booted: e.g. on another thread while the caller reads pages. */
    public synchronized void boot() {
        if (parser == null && !closed) {
            parser = new RubyParser();
        }
    }

    private static FrontMatter failed(Diagnostic error) {
        return new FrontMatter(List.of(), List.of(), List.of(), List.of(error));
    }

    /** How long JRuby took to boot; empty until a page needed it. */
    public synchronized Optional<Duration> bootTime() {
        return parser == null ? Optional.empty() : Optional.of(parser.bootTime());
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (parser != null) {
            parser.close();
            parser = null;
        }
    }
}
