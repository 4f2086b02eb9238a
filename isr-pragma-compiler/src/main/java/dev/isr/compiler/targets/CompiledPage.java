package dev.isr.compiler.targets;

import dev.isr.compiler.page.PageFile;
import dev.isr.compiler.page.Route;
import dev.isr.compiler.pragma.Pragma;
import dev.isr.compiler.ruby.FrontMatter;
import dev.isr.compiler.template.Template;
import java.util.Optional;

/**
 * Everything a target needs to emit one page that compiled without errors.
 *
 * @param page        the page file
 * @param route       its route
 * @param pragma      its revalidate pragma; empty for an uncached page
 * @param frontMatter the translated front matter (imports, data-loading statements, data names)
 * @param template    the text after {@code __END__} (empty when there is none), its Ruby expressions translated
 *                    for an {@code .astro.rb} or {@code .jsx.rb} page, verbatim otherwise
 */
public record CompiledPage(PageFile page, Route route, Optional<Pragma> pragma, FrontMatter frontMatter,
                           Template template) {

    /** Where the page's outputs go inside a target folder, without extension: {@code posts/[slug]}. */
    public String outputStem() {
        String stem = page.name().stem();
        return page.directory().isEmpty() ? stem : page.directory() + "/" + stem;
    }
}
