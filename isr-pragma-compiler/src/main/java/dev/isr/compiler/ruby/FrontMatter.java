package dev.isr.compiler.ruby;

import dev.isr.compiler.Diagnostic;
import java.util.List;

/**
 * The translated front matter of one page.
 *
 * @param imports     the {@code import ..., from: '...'} statements, in source order, paths as written
 * @param statements  the data-loading block translated to JavaScript, in source order
 * @param dataNames   the page's data: every instance variable the block assigns, in order of first assignment
 * @param diagnostics errors and warnings; when any is an error the other fields must not be used
 */
public record FrontMatter(List<JsImport> imports, List<JsStatement> statements, List<String> dataNames,
                          List<Diagnostic> diagnostics) {

    public FrontMatter {
        imports = List.copyOf(imports);
        statements = List.copyOf(statements);
        dataNames = List.copyOf(dataNames);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /**
     * One ES import.
     *
     * @param clause    what is imported, as JavaScript: {@code Layout} or {@code { a, b }}
     * @param specifier the module path exactly as written in the page (relative paths are re-based by the emitter)
     * @param line      1-based source line
     */
    public record JsImport(String clause, String specifier, int line) {

        /** The names the import binds: {@code [Layout]} or {@code [a, b]}. */
        public List<String> names() {
            String list = clause.startsWith("{") ? clause.substring(1, clause.length() - 1) : clause;
            return java.util.Arrays.stream(list.split(",")).map(String::strip).toList();
        }
    }

    /**
     * One top-level statement of the data-loading block.
     *
     * @param code JavaScript, complete statement(s) with their semicolons; may span lines (no trailing newline),
     *             nested lines indented by two spaces relative to the first
     * @param line 1-based source line of the Ruby statement
     */
    public record JsStatement(String code, int line) {
    }
}
