package dev.isr.compiler.targets;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One target's Mustache templates, read from {@code dev/isr/compiler/targets/<target>/<name>.mustache}.
 * HTML escaping is off: templates produce code, and every value reaches them already escaped for
 * its language by the caller (template variables say so in their names: {@code keyExpression},
 * {@code tagsArray}, {@code specifierLiteral}).
 */
public final class Templates {

    private final String target;
    /** Created with the first template: a build where nothing changed renders none, and loads no Mustache. */
    private DefaultMustacheFactory factory;
    /** Concurrent: the compiler emits several pages at once. */
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    public Templates(String target) {
        this.target = target;
    }

    /** Renders template {@code name} with {@code model}. */
    public String render(String name, Object model) {
        Mustache mustache = compiled.computeIfAbsent(name, this::compile);
        StringWriter out = new StringWriter();
        mustache.execute(out, model);
        return out.toString();
    }

    private Mustache compile(String name) {
        String resource = "dev/isr/compiler/targets/" + target + "/" + name + ".mustache";
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("internal error: template " + resource + " is missing from the classpath");
            }
            // a checkout with Windows line breaks must not change the output
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            return factory().compile(new StringReader(text), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + resource, e);
        }
    }

    private synchronized DefaultMustacheFactory factory() {
        if (factory == null) {
            factory = new VerbatimMustacheFactory();
        }
        return factory;
    }

    /** Writes values unchanged: HTML entities in generated JavaScript would change its meaning. */
    private static final class VerbatimMustacheFactory extends DefaultMustacheFactory {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
