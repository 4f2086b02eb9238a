package dev.isr.compiler;

import dev.isr.compiler.ruby.FrontMatter;
import dev.isr.compiler.ruby.FrontMatterSource;
import dev.isr.compiler.ruby.RubyExpression;
import dev.isr.compiler.ruby.RubyExpressionSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the Ruby translator in tests about the pipeline's files and state rather than about
 * translation (they run without booting JRuby). It understands three line forms only:
 * {@code import X, from: 'path'}, {@code @name = <JavaScript expression>} and {@code fail <message>}
 * (an error at that line); comments and blank lines are skipped. It counts how often it is created.
 */
final class LineTranslator implements FrontMatterTranslator {

    static final AtomicInteger CREATED = new AtomicInteger();
    private static final Pattern IMPORT = Pattern.compile("import (\\S+), from: '([^']*)'");
    private static final Pattern ASSIGN = Pattern.compile("@(\\w+) = (.*)");

    LineTranslator() {
        CREATED.incrementAndGet();
    }

    @Override
    public FrontMatter translate(FrontMatterSource source) {
        List<FrontMatter.JsImport> imports = new ArrayList<>();
        List<FrontMatter.JsStatement> statements = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        String[] lines = source.text().split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher m;
            if ((m = IMPORT.matcher(line)).matches()) {
                imports.add(new FrontMatter.JsImport(m.group(1), m.group(2), i + 1));
            } else if ((m = ASSIGN.matcher(line)).matches()) {
                statements.add(new FrontMatter.JsStatement(m.group(1) + " = " + m.group(2) + ";", i + 1));
                if (!names.contains(m.group(1))) {
                    names.add(m.group(1));
                }
            } else if (line.startsWith("fail ")) {
                diagnostics.add(Diagnostic.error(source.path(), i + 1, 1, line.substring(5), lines[i]));
            }
        }
        return new FrontMatter(imports, statements, names, diagnostics);
    }

    /** Pipeline tests use JavaScript templates, which are never handed to a translator. */
    @Override
    public RubyExpression translateExpression(RubyExpressionSource source) {
        throw new UnsupportedOperationException("the stand-in translator does not translate Ruby template expressions");
    }

    @Override
    public Optional<Duration> bootTime() {
        return Optional.of(Duration.ZERO);
    }

    @Override
    public void close() {
    }
}
