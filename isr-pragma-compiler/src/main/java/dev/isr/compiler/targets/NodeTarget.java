package dev.isr.compiler.targets;

import dev.isr.compiler.escape.JsEscaper;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code node} target (SPEC §5): per page an ES module {@code D/S.js} exporting {@code revalidate},
 * {@code tags}, {@code cacheKey} and {@code load}, plus {@code D/S.astro} for an {@code .astro.rb} page
 * with a template; the in-memory runtime and the key helpers under {@code _isr/}.
 */
final class NodeTarget implements Target {

    /** The in-memory runtime, copied with the modules it imports. */
    private static final String RUNTIME_FILE = "_isr/isr.js";
    private final Templates templates = new Templates("node");

    @Override
    public String name() {
        return "node";
    }

    /** What {@code page.js.mustache} fills in. */
    record DataModule(String headerComment, String runtimeSpecifierLiteral, List<KeyHelpersImport> keyHelpersImport,
                      List<JsPageParts.ImportLine> imports, String revalidateLiteral, String tagsArray,
                      String keyExpression, boolean cached, String indent, List<String> declaration,
                      List<JsPageParts.Statement> statements, String returnObject) {
    }

    record KeyHelpersImport(String names, String specifierLiteral) {
    }

    /** What {@code page.astro.mustache} fills in. */
    record AstroPage(String headerComment, List<JsPageParts.ImportLine> imports, String dataModuleLiteral,
                     String dataNames, String template) {
    }

    @Override
    public List<GeneratedFile> pageFiles(CompiledPage page, ImportRebaser imports) {
        JsPageParts parts = new JsPageParts(page);
        String dataFile = page.outputStem() + ".js";
        boolean cached = page.pragma().isPresent();
        String indent = cached ? "    " : "  ";
        List<KeyHelpersImport> keyHelpers = parts.keyHelpers().isEmpty() ? List.of()
                : List.of(new KeyHelpersImport(String.join(", ", parts.keyHelpers()),
                        JsPageParts.supportSpecifierLiteral(dataFile, JsPageParts.KEY_HELPERS_FILE)));
        DataModule module = new DataModule(parts.headerComment(),
                JsPageParts.supportSpecifierLiteral(dataFile, RUNTIME_FILE), keyHelpers,
                parts.imports(imports, dataFile, false), parts.revalidateLiteral(), parts.tagsArray(),
                parts.keyExpression(), cached, indent, parts.declaration(), parts.statements(indent),
                parts.returnObject(indent));
        List<GeneratedFile> files = new ArrayList<>();
        files.add(GeneratedFile.text(dataFile, templates.render("page.js", module)));
        if (page.page().name().format().equals("astro") && !page.template().isBlank()) {
            String astroFile = page.outputStem() + ".astro";
            AstroPage astro = new AstroPage(parts.headerComment(), parts.imports(imports, astroFile, true),
                    JsEscaper.stringLiteral("./" + ImportRebaser.urlSegment(page.page().name().stem()) + ".js"), parts.dataNames(),
                    page.template());
            files.add(GeneratedFile.text(astroFile, templates.render("page.astro", astro)));
        }
        return files;
    }

    @Override
    public List<GeneratedFile> supportFiles() {
        List<GeneratedFile> files = new ArrayList<>();
        RuntimeResource.withSiblings("isr.js").forEach((name, bytes) -> files.add(new GeneratedFile("_isr/" + name, bytes)));
        files.add(GeneratedFile.text(JsPageParts.KEY_HELPERS_FILE, templates.render("params.js", new Object())));
        return files;
    }
}
