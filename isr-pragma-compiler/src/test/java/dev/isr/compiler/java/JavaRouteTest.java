package dev.isr.compiler.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isr.compiler.java.JavaRoute.InvalidRouteException;
import dev.isr.compiler.java.JavaRoute.Literal;
import dev.isr.compiler.java.JavaRoute.Param;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaRouteTest {

    @Test
    void parsesLiteralsAndParameters() throws InvalidRouteException {
        JavaRoute route = JavaRoute.parse("/shop/{category}/page/{n}");
        assertEquals(List.of(new Literal("shop"), new Param("category"), new Literal("page"), new Param("n")), route.segments());
        assertEquals(List.of("category", "n"), route.paramNames());
        assertEquals("page:/shop/{category}/page/{n}", route.keyPattern());
        assertEquals(List.of(), JavaRoute.parse("/").segments());
    }

    @Test
    void rejectsMalformedRoutesAtTheOffendingCharacter() {
        assertInvalid("posts", 0, "a route starts with '/'");
        assertInvalid("/posts/", 7, "the route has an empty segment");
        assertInvalid("/a//b", 3, "the route has an empty segment");
        assertInvalid("/posts/x{slug}", 8, "a route parameter fills a whole segment");
        assertInvalid("/posts/{slug", 7, "a route parameter fills a whole segment");
        assertInvalid("/posts/{}", 7, "a route parameter fills a whole segment");
        assertInvalid("/posts/{1st}", 7, "{1st} is not a parameter name");
        assertInvalid("/a/{x}/b/{x}", 9, "the route names {x} twice");
        assertInvalid("/a b", 2, "the route holds a blank or control character");
    }

    @Test
    void derivesRoutesFromThePagePath() {
        assertEquals("/", JavaRoute.fromSource("IndexPage.java").pattern());
        assertEquals("/", JavaRoute.fromSource("Index.java").pattern());
        assertEquals("/posts", JavaRoute.fromSource("posts/IndexPage.java").pattern());
        assertEquals("/about", JavaRoute.fromSource("AboutPage.java").pattern());
        assertEquals("/blog/post-list", JavaRoute.fromSource("blog/PostListPage.java").pattern());
        assertEquals("/page", JavaRoute.fromSource("Page.java").pattern());
        assertEquals("/docs/http-status", JavaRoute.fromSource("docs/HTTPStatusPage.java").pattern());
        assertEquals(List.of(new Literal("docs"), new Literal("http-status")), JavaRoute.fromSource("docs/HTTPStatusPage.java").segments());
    }

    @Test
    void convertsToThePipelineRoute() throws InvalidRouteException {
        assertEquals("/shop/[category]/all", JavaRoute.parse("/shop/{category}/all").asPageRoute().path());
        assertEquals(List.of("category"), JavaRoute.parse("/shop/{category}/all").asPageRoute().params());
        assertEquals("/", JavaRoute.parse("/").asPageRoute().path());
    }

    @Test
    void kebabCase() {
        assertEquals("post-list", JavaRoute.kebabCase("PostList"));
        assertEquals("top10-posts", JavaRoute.kebabCase("Top10Posts"));
        assertEquals("url-parser", JavaRoute.kebabCase("URLParser"));
        assertEquals("snake_case", JavaRoute.kebabCase("snake_Case"));
    }

    private static void assertInvalid(String pattern, int index, String messageStart) {
        InvalidRouteException invalid = assertThrows(InvalidRouteException.class, () -> JavaRoute.parse(pattern));
        assertEquals(index, invalid.index(), pattern);
        assertEquals(true, invalid.getMessage().startsWith(messageStart), invalid.getMessage());
    }
}
