package dev.isr.compiler.targets;

import java.util.List;

/**
 * A deployment target: a folder of Mustache templates under
 * {@code dev/isr/compiler/targets/<name>/} and the small class that fills them. Targets are listed
 * in {@link TargetRegistry}; adding one is a new class and a new template folder.
 */
public interface Target {

    /** The name users configure, also the target's folder under the output directory. */
    String name();

    /**
     * The files of one page, paths relative to the target's folder.
     *
     * @param imports re-bases the page's relative imports onto this target's folder
     */
    List<GeneratedFile> pageFiles(CompiledPage page, ImportRebaser imports);

    /** The files the target's pages share (runtime, helpers), paths relative to the target's folder. */
    List<GeneratedFile> supportFiles();

    /**
     * Files built from all pages together, such as a route table; none unless a target needs them.
     * They are rewritten on every run, so an unchanged page still appears in them.
     *
     * @param pages every page that has this target's files after the run, in page order
     */
    default List<GeneratedFile> siteFiles(List<RoutedPage> pages) {
        return List.of();
    }
}
