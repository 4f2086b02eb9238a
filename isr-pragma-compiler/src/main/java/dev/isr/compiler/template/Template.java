package dev.isr.compiler.template;

import dev.isr.compiler.Diagnostic;
import java.util.List;

/**
 * A page's template as the targets emit it.
 *
 * @param text             the template with its Ruby expressions translated to JavaScript and everything else as
 *                         written: what an Astro page holds
 * @param jsx              the same text as React's JSX writes it: HTML comments as JSX comments, void elements
 *                         closed ({@code <br />}), {@code class}/{@code for} as {@code className}/{@code htmlFor},
 *                         the content of {@code <style>} and {@code <script>} as a string, a bare {@code >} or
 *                         <code>}</code> in text as an entity, no {@code <!DOCTYPE>}
 * @param readsRouteParams whether a translated expression reads {@code params} ({@code @@slug}), which the page's
 *                         scope must then provide
 * @param diagnostics      errors and warnings, positioned in the page
 */
public record Template(String text, String jsx, boolean readsRouteParams, List<Diagnostic> diagnostics) {

    public Template {
        diagnostics = List.copyOf(diagnostics);
    }

    /** A template that is emitted as written (an ERB template, or none). */
    public static Template verbatim(String text) {
        return new Template(text, text, false, List.of());
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}
