package dev.isr.compiler.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteResolverTest {

    private static PageFile page(String source) {
        return new PageFile(source, Path.of(source), "pages/" + source);
    }

    private static RouteResolver.Resolved resolve(String... sources) {
        return new RouteResolver().resolve(List.of(sources).stream().map(RouteResolverTest::page).toList());
    }

    @ParameterizedTest
    @CsvSource({
            "index.astro.rb, /, page:/, ''",
            "about.astro.rb, /about, page:/about, ''",
            "posts/index.astro.rb, /posts, page:/posts, ''",
            "posts/[slug].astro.rb, /posts/[slug], page:/posts/${slug}, slug",
            "docs/[...path].astro.rb, /docs/[...path], page:/docs/${...path}, path",
            "[...path].jsx.rb, /[...path], page:/${...path}, path",
            "shop/[category]/[id].erb.rb, /shop/[category]/[id], page:/shop/${category}/${id}, category id",
            "plain.rb, /plain, page:/plain, ''",
            "index/about.rb, /index/about, page:/index/about, ''",
            "'caf\u00e9 menu.astro.rb', '/caf\u00e9 menu', page:/caf%C3%A9%20menu, ''",
    })
    void routesFollowSpecSection4(String source, String path, String keyPattern, String params) {
        RouteResolver.Resolved resolved = resolve(source);
        assertEquals(List.of(), resolved.diagnosticsOf(source));
        Route route = resolved.routes().get(source);
        assertEquals(path, route.path());
        assertEquals(keyPattern, route.keyPattern());
        assertEquals(params.isEmpty() ? List.of() : List.of(params.split(" ")), route.params());
    }

    @Test
    void catchAllIsItsOwnSegmentKind() {
        Route route = resolve("docs/[...path].astro.rb").routes().get("docs/[...path].astro.rb");
        assertEquals(List.of(new Route.Literal("docs"), new Route.CatchAll("path")), route.segments());
    }

    @Test
    void twoPagesWithOneRouteAreAnErrorOnBothNamingBothFiles() {
        RouteResolver.Resolved resolved = resolve("about.astro.rb", "about.jsx.rb", "about/index.erb.rb");
        String message = "pages about.astro.rb and about.jsx.rb both answer the route /about; rename or remove one of them";
        assertEquals(List.of(Diagnostic.error("pages/about.astro.rb", 0, 0, message, ""),
                        Diagnostic.error("pages/about.astro.rb", 0, 0,
                                "pages about.astro.rb and about/index.erb.rb both answer the route /about;"
                                        + " rename or remove one of them", "")),
                resolved.diagnosticsOf("about.astro.rb"));
        assertEquals(List.of(Diagnostic.error("pages/about.jsx.rb", 0, 0, message, "")),
                resolved.diagnosticsOf("about.jsx.rb"));
        assertEquals(1, resolved.diagnosticsOf("about/index.erb.rb").size());
    }

    @Test
    void paramsWithDifferentNamesInOnePlaceAreTheSameRoute() {
        RouteResolver.Resolved resolved = resolve("posts/[id].jsx.rb", "posts/[slug].astro.rb");
        assertTrue(resolved.diagnosticsOf("posts/[slug].astro.rb").get(0).message()
                .contains("posts/[id].jsx.rb and posts/[slug].astro.rb both answer the route /posts/[slug]"));
    }

    @Test
    void aParamAndACatchAllInOneFolderAreDistinctRoutes() {
        RouteResolver.Resolved resolved = resolve("docs/[...path].astro.rb", "docs/[slug].astro.rb", "docs/index.astro.rb");
        assertEquals(java.util.Map.of(), resolved.diagnostics());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "posts/[slug.astro.rb | malformed route param '[slug'",
            "posts/[].astro.rb | malformed route param '[]'",
            "posts/[1st].astro.rb | malformed route param '[1st]'",
            "posts/[a-b].astro.rb | malformed route param '[a-b]'",
            "posts/x[slug].astro.rb | malformed route param 'x[slug]'",
            "posts/[..slug].astro.rb | malformed route param '[..slug]'",
            "[lang/index.astro.rb | malformed route param '[lang'",
            "docs/[...path]/edit.astro.rb | catch-all param '[...path]' must be the last segment",
            "[id]/[id].astro.rb | route param 'id' appears twice",
            "_isr/isr.astro.rb | the top-level folder _isr is reserved",
            ".astro.rb | has no name before its extensions",
            "back\\slash.astro.rb | contains a backslash, which JavaScript module loaders refuse to import",
    })
    void unroutablePagesAreErrors(String source, String expected) {
        RouteResolver.Resolved resolved = resolve(source);
        assertEquals(1, resolved.diagnosticsOf(source).size(), resolved.diagnostics().toString());
        Diagnostic error = resolved.diagnosticsOf(source).get(0);
        assertTrue(error.isError());
        assertEquals("pages/" + source, error.path());
        assertTrue(error.message().contains(expected), error.message());
        assertTrue(resolved.routes().isEmpty());
    }

    @Test
    void stemKeepsTheDotsOfACatchAll() {
        assertEquals(new PageName("[...path]", List.of("astro", "rb")), PageName.parse("[...path].astro.rb"));
        assertEquals("astro", PageName.parse("[...path].astro.rb").format());
        assertEquals("", PageName.parse("plain.rb").format());
    }
}
