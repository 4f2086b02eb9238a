package dev.isr.compiler.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every page the rewriter refuses, with the exact position of each error. */
class JavaPageRewriterErrorsTest {

    private static final String PATH = "AboutPage.java";

    @Test
    void pageWithoutLoad() {
        String page = """
                // Pragma: revalidate 60
                public class AboutPage {
                    String title() { return "About"; }
                }
                """;
        assertSingleError(page, 2, 14, "AboutPage has no load method");
    }

    @Test
    void overloadedLoad() {
        String page = """
                // Pragma: revalidate 60
                public class AboutPage {
                    String load() { return "a"; }
                    String load(int x) { return "b"; }
                }
                """;
        assertSingleError(page, 4, 12, "a second load method (the first is on line 3)");
    }

    @Test
    void interfacePage() {
        String page = """
                // Pragma: revalidate 60
                public interface AboutPage {
                    String load();
                }
                """;
        assertSingleError(page, 2, 18, "AboutPage is an interface");
    }

    @Test
    void abstractPage() {
        String page = """
                // Pragma: revalidate 60
                public abstract class AboutPage {
                    String load() { return ""; }
                }
                """;
        assertSingleError(page, 2, 23, "AboutPage is abstract");
    }

    @Test
    void enumPage() {
        String page = """
                // Pragma: revalidate 60
                public enum AboutPage {
                    ONLY;
                    String load() { return ""; }
                }
                """;
        assertSingleError(page, 2, 13, "AboutPage is an enum");
    }

    @Test
    void loadWithoutBody() {
        String page = """
                // Pragma: revalidate 60
                public class AboutPage {
                    native String load();
                }
                """;
        assertSingleError(page, 3, 19, "load has no body");
    }

    @Test
    void voidLoad() {
        String page = """
                // Pragma: revalidate 60
                public class AboutPage {
                    public void load() {
                    }
                }
                """;
        assertSingleError(page, 3, 12, "load returns void; it must return the page data");
    }

    @Test
    void genericLoad() {
        String page = """
                // Pragma: revalidate 60
                public class AboutPage {
                    public <T> T load() { return null; }
                }
                """;
        assertSingleError(page, 3, 13, "load declares type parameters");
    }

    @Test
    void requestStateParameterByType() {
        String page = """
                import jakarta.servlet.http.HttpServletRequest;

                // Pragma: revalidate 60 route: /posts/{slug}
                public class AboutPage {
                    public String load(String slug, HttpServletRequest request) {
                        return slug;
                    }
                }
                """;
        assertSingleError(page, 5, 37, "load parameter 'request' is per-visitor request state (its type HttpServletRequest"
                + " is request state): the cached result would be computed for one visitor and served to every visitor");
    }

    @Test
    void requestStateParameterQualifiedOrByName() {
        String page = """
                // Pragma: revalidate 60 route: /a
                public class AboutPage {
                    public String load(com.sun.net.httpserver.HttpExchange exchange,
                                       java.util.Map<String, String> headers) {
                        return "";
                    }
                }
                """;
        List<Diagnostic> errors = errors(page);
        assertEquals(2, errors.size(), errors.toString());
        assertAt(errors.get(0), 3, 24, "load parameter 'exchange' is per-visitor request state (its type HttpExchange");
        assertAt(errors.get(1), 4, 24, "load parameter 'headers' is per-visitor request state (its name says");
    }

    @Test
    void parameterMissingFromTheRoute() {
        String page = """
                // Pragma: revalidate 60 route: /posts
                public class AboutPage {
                    public String load(String slug) { return slug; }
                }
                """;
        assertSingleError(page, 3, 24, "load parameter 'slug' is not in the route /posts");
    }

    @Test
    void routeParameterMissingFromLoad() {
        String page = """
                // Pragma: revalidate 60 route: /posts/{slug}/{id}
                public class AboutPage {
                    public String load(String slug) { return slug; }
                }
                """;
        assertSingleError(page, 1, 47, "the route's {id} is not a parameter of load");
    }

    @Test
    void parametersWithoutRoute() {
        String page = """
                // Pragma: revalidate 60
                public class AboutPage {
                    public String load(String slug, int page) { return slug; }
                }
                """;
        assertSingleError(page, 3, 24, "load takes parameters, so the route cannot come from the file path alone:"
                + " name them in the pragma's route, e.g. 'route: /about/{slug}/{page}'");
    }

    @Test
    void invalidRoutes() {
        assertSingleError("""
                // Pragma: revalidate 60 route: posts/{slug}
                public class AboutPage {
                    public String load(String slug) { return slug; }
                }
                """, 1, 33, "invalid route 'posts/{slug}': a route starts with '/'");
        assertSingleError("""
                // Pragma: revalidate 60 route: /posts/post-{slug}
                public class AboutPage {
                    public String load(String slug) { return slug; }
                }
                """, 1, 45, "invalid route '/posts/post-{slug}': a route parameter fills a whole segment");
    }

    @Test
    void reassignedParameters() {
        String page = """
                // Pragma: revalidate 60 route: /posts/{slug}/{page}
                public class AboutPage {
                    public String load(String slug, int page) {
                        slug = slug.trim();
                        if (page < 1) {
                            page++;
                        }
                        return slug + page;
                    }
                }
                """;
        List<Diagnostic> errors = errors(page);
        assertEquals(2, errors.size(), errors.toString());
        assertAt(errors.get(0), 4, 9, "load parameter 'slug' is assigned here, but load's body runs as a cached fetcher lambda");
        assertAt(errors.get(1), 6, 13, "load parameter 'page' is assigned here");
    }

    @Test
    void assignmentsToOtherVariablesOfTheSameNameAreFine() {
        String page = """
                // Pragma: revalidate 60 route: /posts/{slug}
                public class AboutPage {
                    public Object load(String slug) {
                        return new Object() {
                            String slug;
                            {
                                slug = "inner";
                            }
                        };
                    }
                }
                """;
        assertTrue(JavaPages.rewriteWithErrors(PATH, page).source().isPresent());
    }

    @Test
    void arrayParameter() {
        String page = """
                // Pragma: revalidate 60 route: /docs/{parts}
                public class AboutPage {
                    public String load(String... parts) { return ""; }
                }
                """;
        assertSingleError(page, 3, 24, "load parameter 'parts' is an array");
    }

    @Test
    void generatedNameAlreadyTaken() {
        String page = """
                // Pragma: revalidate 60
                public class AboutPage {
                    static final int TAGS = 1;

                    public String load() { return ""; }

                    static String cacheKey() { return "mine"; }
                }
                """;
        List<Diagnostic> errors = errors(page);
        assertEquals(2, errors.size(), errors.toString());
        assertAt(errors.get(0), 3, 22, "AboutPage already declares TAGS, a name the compiler generates from the pragma");
        assertAt(errors.get(1), 7, 19, "AboutPage already declares cacheKey");
    }

    @Test
    void reportsEveryErrorOfAPageAtOnce() {
        String page = """
                // Pragma: revalidate 60 route: /posts/{id}
                public class AboutPage {
                    static long REVALIDATE_SECONDS;

                    public String load(String slug) { return slug; }
                }
                """;
        JavaRewrite rewrite = JavaPages.rewriteWithErrors(PATH, page);
        assertTrue(rewrite.source().isEmpty());
        assertEquals(List.of("AboutPage.java:1:40", "AboutPage.java:3:17", "AboutPage.java:5:24"),
                rewrite.diagnostics().stream().map(error -> error.path() + ":" + error.line() + ":" + error.column()).toList());
    }

    @Test
    void diagnosticsCarryTheSourceLine() {
        String page = """
                // Pragma: revalidate 60
                public class AboutPage {
                    public void load() {}
                }
                """;
        Diagnostic error = errors(page).get(0);
        assertEquals("    public void load() {}", error.sourceLine());
        assertTrue(error.format().endsWith("\n    public void load() {}\n           ^"), error.format());
    }

    private static List<Diagnostic> errors(String page) {
        JavaRewrite rewrite = JavaPages.rewriteWithErrors(PATH, page);
        assertTrue(rewrite.source().isEmpty(), "no output for a page with errors");
        assertTrue(rewrite.diagnostics().stream().allMatch(Diagnostic::isError));
        return rewrite.diagnostics();
    }

    private static void assertSingleError(String page, int line, int column, String messageStart) {
        List<Diagnostic> errors = errors(page);
        assertEquals(1, errors.size(), errors.toString());
        assertAt(errors.get(0), line, column, messageStart);
    }

    private static void assertAt(Diagnostic error, int line, int column, String messageStart) {
        assertEquals(PATH + ":" + line + ":" + column, error.path() + ":" + error.line() + ":" + error.column(), error.message());
        assertTrue(error.message().startsWith(messageStart), error.message());
    }
}
