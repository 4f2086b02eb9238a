package dev.isr.compiler.targets;

import dev.isr.compiler.escape.JsEscaper;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code node} target (SPEC §5): per page an ES module {@code D/S.js} exporting {@code revalidate},
 * {@code tags}, {@code cacheKey}, {@code load} and {@code loadWithStatus}, plus {@code D/S.astro} for an
 * {@code .astro.rb} page with a template; the in-memory runtime and the key helpers under {@code _isr/};
 * a {@code package.json} that makes Node read the folder's {@code .js} files as ES modules.
 * {@link BrowserTarget} is the runtime-neutral part of it: {@link #dataModule} and {@link #runtimeFiles}.
 */
final class NodeTarget implements Target {

    /** The in-memory runtime, copied with the modules it imports. */
    private static final String RUNTIME_FILE = "_isr/isr.js";
    /** The shared store that server.mjs-style apps may install into the runtime: {@code configure({ store })}. */
    private static final String REDIS_STORE = "isr-redis.js";
    private final Templates templates = new Templates("node");

    @Override
    public String name() {
        return "node";
    }

    /** What {@code page.js.mustache} fills in. */
    record DataModule(String headerComment, String runtimeSpecifierLiteral, List<JsPageParts.KeyHelpersImport> keyHelpersImport,
                      List<JsPageParts.ImportLine> imports, String revalidateLiteral, String tagsArray,
                      String keyExpression, boolean cached, List<String> declaration,
                      List<JsPageParts.Statement> statements, String returnObject) {
    }

    /** What {@code page.astro.mustache} fills in. */
    record AstroPage(String headerComment, List<JsPageParts.ImportLine> imports, String dataModuleLiteral,
                     String dataNames, boolean readsRouteParams, String template) {
    }

    @Override
    public List<GeneratedFile> pageFiles(CompiledPage page, ImportRebaser imports) {
        List<GeneratedFile> files = new ArrayList<>();
        files.add(dataModule(page, imports));
        if (page.page().name().format().equals("astro") && !page.template().isBlank()) {
            JsPageParts parts = new JsPageParts(page);
            String astroFile = page.outputStem() + ".astro";
            AstroPage astro = new AstroPage(parts.headerComment(), parts.imports(imports, astroFile, true),
                    JsEscaper.stringLiteral("./" + ImportRebaser.urlSegment(page.page().name().stem()) + ".js"), parts.dataNames(),
                    page.template().readsRouteParams(), page.template().text());
            files.add(GeneratedFile.text(astroFile, templates.render("page.astro", astro)));
        }
        return files;
    }

    @Override
    public List<GeneratedFile> supportFiles() {
        List<GeneratedFile> files = runtimeFiles();
        // The Redis store, for servers only (not the browser target); its one sibling, isr-core.js, is already there.
        files.add(new GeneratedFile("_isr/" + REDIS_STORE, RuntimeResource.withSiblings(REDIS_STORE).get(REDIS_STORE)));
        files.add(JsPageParts.esModulePackageJson());
        return files;
    }

    /** The page's data module {@code D/S.js}: plain ES, no Node API, so a browser runs it as it is. */
    GeneratedFile dataModule(CompiledPage page, ImportRebaser imports) {
        JsPageParts parts = new JsPageParts(page);
        String dataFile = page.outputStem() + ".js";
        String indent = "  ";
        DataModule module = new DataModule(parts.headerComment(),
                JsPageParts.supportSpecifierLiteral(dataFile, RUNTIME_FILE), parts.keyHelpersImport(dataFile),
                parts.imports(imports, dataFile, false), parts.revalidateLiteral(), parts.tagsArray(),
                parts.keyExpression(), page.pragma().isPresent(), parts.declaration(), parts.statements(indent),
                parts.returnObject(indent));
        return GeneratedFile.text(dataFile, templates.render("page.js", module));
    }

    /** The in-memory runtime and the key helpers under {@code _isr/}, in a new list the caller may extend. */
    List<GeneratedFile> runtimeFiles() {
        List<GeneratedFile> files = new ArrayList<>();
        RuntimeResource.withSiblings("isr.js").forEach((name, bytes) -> files.add(new GeneratedFile("_isr/" + name, bytes)));
        files.add(JsPageParts.keyHelpersFile());
        return files;
    }
}
