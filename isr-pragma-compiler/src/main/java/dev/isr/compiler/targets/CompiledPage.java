package dev.isr.compiler.targets;

import dev.isr.compiler.page.PageFile;
import dev.isr.compiler.page.Route;
import dev.isr.compiler.pragma.Pragma;
import dev.isr.compiler.ruby.FrontMatter;
import java.util.Optional;

/**
 * Everything a target needs to emit one page that compiled without errors.
 *
 * @param page        the page file
 * @param route       its route
 * @param pragma      its revalidate pragma; empty for an uncached page
 * @param frontMatter the translated front matter (imports, data-loading statements, data names)
 * @param template    the text after {@code __END__}, verbatim; empty when there is none
 */
public record CompiledPage(PageFile page, Route route, Optional<Pragma> pragma, FrontMatter frontMatter,
                           String template) {

    /** Where the page's outputs go inside a target folder, without extension: {@code posts/[slug]}. */
    public String outputStem() {
        String stem = page.name().stem();
        return page.directory().isEmpty() ? stem : page.directory() + "/" + stem;
    }
}
