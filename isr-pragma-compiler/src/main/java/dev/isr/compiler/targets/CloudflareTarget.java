package dev.isr.compiler.targets;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code cloudflare} target (SPEC §5): per page an ES module {@code D/S.js} shaped like the
 * {@code node} target's, over the Workers Cache API runtime, whose {@code load(params, ctx)} and
 * {@code loadWithStatus(params, ctx)} take the Worker's execution context; the runtime, the key
 * helpers, {@code _isr/routes.js} (the route table a Worker's {@code fetch} dispatches on) and a
 * {@code package.json} that makes Node read the folder's {@code .js} files as ES modules (tests, tools).
 */
final class CloudflareTarget implements Target {

    /** The Cache API runtime, copied with the modules it imports. */
    private static final String RUNTIME_FILE = "_isr/isr-cloudflare.js";
    /** Checks the execution context a cached page needs for its background refreshes. */
    private static final String CONTEXT_FILE = "_isr/context.js";
    private static final String ROUTES_FILE = "_isr/routes.js";
    private final Templates templates = new Templates("cloudflare");

    @Override
    public String name() {
        return "cloudflare";
    }

    /** What {@code page.js.mustache} fills in. */
    record DataModule(String headerComment, String runtimeSpecifierLiteral, String contextSpecifierLiteral,
                      List<JsPageParts.KeyHelpersImport> keyHelpersImport, List<JsPageParts.ImportLine> imports,
                      String revalidateLiteral, String tagsArray, String keyExpression, boolean cached,
                      List<String> declaration, List<JsPageParts.Statement> statements, String returnObject) {
    }

    /** What {@code routes.js.mustache} fills in. */
    record RoutesModule(List<RouteTable.Entry> routes) {
    }

    @Override
    public List<GeneratedFile> pageFiles(CompiledPage page, ImportRebaser imports) {
        JsPageParts parts = new JsPageParts(page);
        String dataFile = page.outputStem() + ".js";
        String indent = "  ";
        DataModule module = new DataModule(parts.headerComment(),
                JsPageParts.supportSpecifierLiteral(dataFile, RUNTIME_FILE),
                JsPageParts.supportSpecifierLiteral(dataFile, CONTEXT_FILE), parts.keyHelpersImport(dataFile),
                parts.imports(imports, dataFile, false), parts.revalidateLiteral(), parts.tagsArray(),
                parts.keyExpression(), page.pragma().isPresent(), parts.declaration(), parts.statements(indent),
                parts.returnObject(indent));
        return List.of(GeneratedFile.text(dataFile, templates.render("page.js", module)));
    }

    @Override
    public List<GeneratedFile> supportFiles() {
        List<GeneratedFile> files = new ArrayList<>();
        RuntimeResource.withSiblings("isr-cloudflare.js")
                .forEach((name, bytes) -> files.add(new GeneratedFile("_isr/" + name, bytes)));
        files.add(JsPageParts.keyHelpersFile());
        files.add(GeneratedFile.text(CONTEXT_FILE, templates.render("context.js", new Object())));
        files.add(JsPageParts.esModulePackageJson());
        return files;
    }

    @Override
    public List<GeneratedFile> siteFiles(List<RoutedPage> pages) {
        RoutesModule routes = new RoutesModule(RouteTable.entries(pages, ROUTES_FILE));
        return List.of(GeneratedFile.text(ROUTES_FILE, templates.render("routes.js", routes)));
    }
}
