package dev.isr.compiler.targets;

import dev.isr.compiler.java.JavaRoute;
import dev.isr.compiler.java.JvmCacheSpec;
import dev.isr.compiler.page.PageFile;
import java.util.Optional;

/**
 * Everything a {@link JavaPageTarget} needs to emit one Java page that compiled without errors.
 *
 * @param page       the page file
 * @param javaSource the page's JVM source: rewritten for a pragma page, otherwise the page itself
 *                   under the generated-file header
 * @param spec       the pragma; empty for a page without one
 * @param route      the route of a pragma page; empty for a page without pragma, which the compiler
 *                   does not route
 */
public record CompiledJavaPage(PageFile page, String javaSource, Optional<JvmCacheSpec> spec,
                               Optional<JavaRoute> route) {
}
