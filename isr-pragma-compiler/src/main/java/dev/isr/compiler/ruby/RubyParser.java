package dev.isr.compiler.ruby;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jruby.Ruby;
import org.jruby.RubyInstanceConfig;
import org.jruby.ast.RootNode;
import org.jruby.exceptions.RaiseException;

/**
 * One JRuby runtime, used only for its parser. JRuby cannot parse without a runtime, and booting one costs
 * seconds, so the runtime is configured for the fastest boot (no gems, no RUBYOPT, interpreter only, no
 * native extensions) and kept for every page of a build.
 */
final class RubyParser implements AutoCloseable {

    private final Ruby runtime;
    private final Duration bootTime;

    RubyParser() {
        long start = System.nanoTime();
        RubyInstanceConfig config = new RubyInstanceConfig();
        config.setDisableGems(true);
        config.setDisableRUBYOPT(true);
        config.setDisableDidYouMean(true);
        config.setCompileMode(RubyInstanceConfig.CompileMode.OFF);
        config.setNativeEnabled(false);
        config.setObjectSpaceEnabled(false);
        config.setUpdateNativeENVEnabled(false);
        config.setHardExit(false);
        // JRuby's own parser warnings ("unused literal ignored") went straight to the build's standard error, some
        // with line 0; the translator reports what matters as diagnostics
        config.setVerbosity(RubyInstanceConfig.Verbosity.NIL);
        runtime = Ruby.newInstance(config);
        bootTime = Duration.ofNanos(System.nanoTime() - start);
    }

    Duration bootTime() {
        return bootTime;
    }

    /**
     * Parses {@code text} as the file {@code path} (the name JRuby puts into its messages).
     *
     * @throws RubySyntaxError when the text is not valid Ruby
     */
    RootNode parse(String path, String text) throws RubySyntaxError {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            return (RootNode) runtime.parseFile(path, new ByteArrayInputStream(bytes), null);
        } catch (RaiseException e) {
            String message = e.getException().message(runtime.getCurrentContext()).asJavaString();
            throw RubySyntaxError.fromJRubyMessage(message, text);
        } catch (IndexOutOfBoundsException e) {
            // JRuby's lexer failed while building its own syntax error message
            throw RubySyntaxError.unreported(text);
        }
    }

    @Override
    public void close() {
        runtime.tearDown(false);
    }
}
