package dev.isr.compiler;

import dev.isr.compiler.ruby.FrontMatter;
import dev.isr.compiler.ruby.FrontMatterSource;
import dev.isr.compiler.ruby.RubyExpression;
import dev.isr.compiler.ruby.RubyExpressionSource;
import java.time.Duration;
import java.util.Optional;

/**
 * The translate stage as the pipeline sees it: Ruby front matter in, JavaScript imports and
 * statements out. The production implementation wraps
 * {@link dev.isr.compiler.ruby.RubyFrontMatterTranslator}; the seam lets the compiler create it only
 * when a page needs translating (JRuby costs seconds to boot) and lets tests count that.
 */
public interface FrontMatterTranslator extends AutoCloseable {

    FrontMatter translate(FrontMatterSource source);

    /** One Ruby expression of a page's template, with the data block's rules (see {@code template.TemplateTranslator}). */
    RubyExpression translateExpression(RubyExpressionSource source);

    /**
     * Readies the runtime now, ahead of the first {@link #translate}, which waits for it. The compiler calls it on
     * a thread of its own; a failure is left for {@link #translate} to raise on the compiling thread.
     */
    default void boot() {
    }

    /** How long booting the translator's runtime took; empty while it has not booted. */
    Optional<Duration> bootTime();

    @Override
    void close();
}
