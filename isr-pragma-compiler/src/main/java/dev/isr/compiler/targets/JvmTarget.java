package dev.isr.compiler.targets;

import java.util.List;

/**
 * The {@code jvm} target (SPEC §6): per Java page {@code D/S.java}, the same class in the same
 * package, with the body of {@code load} cached through {@code dev.isr.runtime.Isr} for a pragma page
 * and the page as it is otherwise, so the folder is a complete source set for the project's compile
 * source roots. The generated code's shape is in this target's templates ({@code jvm/*.mustache}),
 * which the rewriter ({@code dev.isr.compiler.java.JavaPageRewriter}) fills while it splices the page,
 * because only it knows the page's layout. Nothing is shared: the runtime is the project's Maven
 * dependency {@code dev.isr:isr-runtime}, not a copied file.
 */
final class JvmTarget implements JavaPageTarget {

    @Override
    public String name() {
        return "jvm";
    }

    /** A Ruby page has no JVM output; the compiler does not ask (see {@link JavaPageTarget}). */
    @Override
    public List<GeneratedFile> pageFiles(CompiledPage page, ImportRebaser imports) {
        return List.of();
    }

    /** The page at its path under the pages directory, so the folders still match the packages. */
    @Override
    public List<GeneratedFile> javaPageFiles(CompiledJavaPage page) {
        return List.of(GeneratedFile.text(page.page().source(), page.javaSource()));
    }

    @Override
    public List<GeneratedFile> supportFiles() {
        return List.of();
    }
}
