package dev.isr.compiler;

import dev.isr.compiler.page.PageFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages of a run split by kind, each kind kept only when a configured target compiles it: Ruby
 * pages for the JavaScript targets, Java pages for {@code jvm}. Pages of a kind no target takes are
 * left alone, with one warning per kind, because a page that silently produces nothing looks like a
 * bug in the build.
 *
 * @param rubyPages      the Ruby pages to compile, in page order; empty when no target takes them
 * @param javaPages      the Java pages to compile, in page order; empty when no target takes them
 * @param rubyUntargeted Ruby pages found but left alone
 * @param javaUntargeted Java pages found but left alone
 */
record PagesByKind(List<PageFile> rubyPages, List<PageFile> javaPages, int rubyUntargeted, int javaUntargeted) {

    static PagesByKind split(List<PageFile> found, boolean rubyTarget, boolean javaTarget) {
        List<PageFile> ruby = found.stream().filter(PageFile::isRuby).toList();
        List<PageFile> java = found.stream().filter(page -> !page.isRuby()).toList();
        return new PagesByKind(rubyTarget ? ruby : List.of(), javaTarget ? java : List.of(),
                rubyTarget ? 0 : ruby.size(), javaTarget ? 0 : java.size());
    }

    /** One warning per kind of page that no target compiles, on the pages directory. */
    List<Diagnostic> warnings(Path pagesDirectory) {
        List<Diagnostic> out = new ArrayList<>();
        if (rubyUntargeted > 0) {
            out.add(Diagnostic.warning(pagesDirectory.toString(), 0, 0, count(rubyUntargeted, "Ruby page")
                    + " found, but no target compiles Ruby pages (jvm compiles Java pages only): " + notCompiled(rubyUntargeted)
                    + "; add a JavaScript target such as node, or exclude them (**/*.rb)", ""));
        }
        if (javaUntargeted > 0) {
            out.add(Diagnostic.warning(pagesDirectory.toString(), 0, 0, count(javaUntargeted, "Java page")
                    + " found, but the jvm target is off: " + notCompiled(javaUntargeted)
                    + "; add jvm to the targets, or exclude them (**/*.java)", ""));
        }
        return out;
    }

    private static String notCompiled(int pages) {
        return pages == 1 ? "it is not compiled" : "they are not compiled";
    }

    private static String count(int pages, String noun) {
        return pages + " " + noun + (pages == 1 ? "" : "s");
    }
}
