package dev.isr.compiler.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Parses, reads the pragma of and rewrites test pages, failing on any unexpected diagnostic. */
final class JavaPages {

    private JavaPages() {
    }

    static JavaPage parse(String path, String text) {
        JavaPageParse parse = new JavaPageParser().parse(path, text);
        assertEquals(List.of(), parse.diagnostics(), "diagnostics of " + path);
        return parse.page().orElseThrow();
    }

    static JvmCacheSpec spec(JavaPage page) {
        JavaPragmaReader.Read read = new JavaPragmaReader().read(page);
        assertEquals(List.of(), read.diagnostics(), "pragma diagnostics of " + page.path());
        assertTrue(read.present(), "a pragma in " + page.path());
        return read.spec().orElseThrow();
    }

    /** The rewrite of a page that has no errors. */
    static String rewrite(String source, String text) {
        JavaPage page = parse(source, text);
        JavaRewrite rewrite = new JavaPageRewriter().rewrite(page, spec(page), source);
        assertEquals(List.of(), rewrite.diagnostics(), "rewrite diagnostics of " + source);
        return rewrite.source().orElseThrow();
    }

    /** The diagnostics of rewriting a page whose pragma is valid. */
    static JavaRewrite rewriteWithErrors(String source, String text) {
        JavaPage page = parse(source, text);
        return new JavaPageRewriter().rewrite(page, spec(page), source);
    }
}
