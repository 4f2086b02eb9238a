package dev.isr.compiler;

import dev.isr.compiler.ruby.FrontMatter;
import dev.isr.compiler.ruby.FrontMatterSource;
import dev.isr.compiler.ruby.RubyExpression;
import dev.isr.compiler.ruby.RubyExpressionSource;
import dev.isr.compiler.ruby.RubyFrontMatterTranslator;
import java.time.Duration;
import java.util.Optional;

/** The production translate stage: {@link RubyFrontMatterTranslator} behind the pipeline's seam. */
final class RubyTranslator implements FrontMatterTranslator {

    private final RubyFrontMatterTranslator ruby = new RubyFrontMatterTranslator();

    @Override
    public FrontMatter translate(FrontMatterSource source) {
        return ruby.translate(source);
    }

    @Override
    public RubyExpression translateExpression(RubyExpressionSource source) {
        return ruby.translateExpression(source);
    }

    @Override
    public void boot() {
        try {
            ruby.boot();
        } catch (RuntimeException | LinkageError e) {
            // translate boots again and raises it on the compiling thread, where the build reports it
        }
    }

    @Override
    public Optional<Duration> bootTime() {
        return ruby.bootTime();
    }

    @Override
    public void close() {
        ruby.close();
    }
}
