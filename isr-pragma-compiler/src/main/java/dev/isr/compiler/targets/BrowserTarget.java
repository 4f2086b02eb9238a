package dev.isr.compiler.targets;

import java.util.List;

/**
 * The {@code browser} target (SPEC §5): the {@code node} target's data modules and in-memory runtime,
 * which use no Node API, so a browser runs {@code D/S.js} as it is (a page's relative imports resolve as
 * URLs; bare ones need the app's import map or bundler). It shares the node target's templates instead
 * of keeping a copy of them, and leaves out what only a server uses: the {@code .astro} pages, which an
 * Astro server renders, and the {@code package.json} that tells Node the folder holds ES modules.
 */
final class BrowserTarget implements Target {

    private final NodeTarget node = new NodeTarget();

    @Override
    public String name() {
        return "browser";
    }

    @Override
    public List<GeneratedFile> pageFiles(CompiledPage page, ImportRebaser imports) {
        return List.of(node.dataModule(page, imports));
    }

    @Override
    public List<GeneratedFile> supportFiles() {
        return node.runtimeFiles();
    }
}
