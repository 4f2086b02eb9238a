package dev.isr.compiler.java;

import dev.isr.compiler.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Java page from text to {@code jvm} output, for the pipeline: parse, read the pragma, and
 * rewrite a pragma page or pass a page without pragma through unchanged but for the header line. A
 * page with errors gets no output at all.
 */
public final class JavaPageCompiler {

    private final JavaPageParser parser = new JavaPageParser();
    private final JavaPragmaReader pragmas = new JavaPragmaReader();
    private final JavaPageRewriter rewriter = new JavaPageRewriter();

    /**
     * @param output      the {@code jvm} source of the page: rewritten, or, when it has no pragma, the page
     *                    text unchanged under the generated-file header line; empty when {@code diagnostics}
     *                    holds an error
     * @param spec        the pragma, for a cached page
     * @param route       the route of a cached page
     * @param diagnostics errors and warnings of the page, in page order
     */
    public record Result(Optional<String> output, Optional<JvmCacheSpec> spec, Optional<JavaRoute> route,
                         List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean cached() {
            return spec.isPresent();
        }
    }

    /**
     * @param source      the page path under the pages directory, {@code /}-separated
     * @param displayPath how diagnostics name the page
     * @param text        the page source
     */
    public Result compile(String source, String displayPath, String text) {
        JavaPageParse parse = parser.parse(displayPath, text);
        List<Diagnostic> diagnostics = new ArrayList<>(parse.diagnostics());
        if (parse.page().isEmpty()) {
            return new Result(Optional.empty(), Optional.empty(), Optional.empty(), diagnostics);
        }
        JavaPage page = parse.page().get();
        JavaPragmaReader.Read read = pragmas.read(page);
        diagnostics.addAll(read.diagnostics());
        if (!read.present()) {
            return new Result(Optional.of(JvmPageCode.withHeader(source, text)), Optional.empty(), Optional.empty(),
                    sorted(diagnostics));
        }
        if (read.spec().isEmpty()) {
            return new Result(Optional.empty(), Optional.empty(), Optional.empty(), sorted(diagnostics));
        }
        JavaRewrite rewrite = rewriter.rewrite(page, read.spec().get(), source);
        diagnostics.addAll(rewrite.diagnostics());
        return new Result(rewrite.source(), read.spec(), rewrite.route(), sorted(diagnostics));
    }

    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        return diagnostics.stream()
                .sorted((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()))
                .toList();
    }
}
