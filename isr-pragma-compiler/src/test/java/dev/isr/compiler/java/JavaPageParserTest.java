package dev.isr.compiler.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.Diagnostic;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavaPageParserTest {

    private final JavaPageParser parser = new JavaPageParser();

    @Test
    void parsesJava17() {
        // records, sealed types, switch expressions, text blocks and patterns: all newer than JavaParser's default level
        String page = """
                public class ShapesPage {
                    sealed interface Shape permits Circle, Square {}
                    record Circle(double r) implements Shape {}
                    record Square(double side) implements Shape {}

                    String load() {
                        Shape shape = new Circle(1);
                        String kind = switch (shape) {
                            default -> {
                                if (shape instanceof Circle c && c.r() > 0) {
                                    yield "circle";
                                }
                                yield "other";
                            }
                        };
                        return \"""
                            kind: %s
                            \""".formatted(kind);
                    }
                }
                """;
        JavaPage parsed = JavaPages.parse("ShapesPage.java", page);
        assertEquals("ShapesPage", parsed.pageType().orElseThrow().getNameAsString());
        assertEquals(1, parsed.loadMethods().size());
    }

    @Test
    void reportsSyntaxErrorsWithLineAndColumn() {
        JavaPageParse parse = parser.parse("pages/Broken.java", "class Broken {\n    void f( { }\n}\n");
        assertTrue(parse.page().isEmpty());
        Diagnostic error = parse.diagnostics().get(0);
        // under the '{' that the message names, as javac would put it
        assertEquals("pages/Broken.java:2:13", error.path() + ":" + error.line() + ":" + error.column());
        assertTrue(error.isError());
        assertTrue(error.message().startsWith("Parse error. Found \"{\", expected one of "), error.message());
        assertTrue(error.message().endsWith(" …"), "long lists of expected tokens are cut: " + error.message());
        assertEquals("    void f( { }", error.sourceLine());
    }

    @Test
    void positionsLexicalErrors() {
        Diagnostic error = parser.parse("Broken.java", "class Broken {\n    String s = \"abc;\n}\n").diagnostics().get(0);
        assertEquals("2:21", error.line() + ":" + error.column(), error.message());
        assertTrue(error.message().startsWith("Lexical error"), error.message());
    }

    @Test
    void acceptsPagesWithoutPragmaOrLoad() {
        JavaPage page = JavaPages.parse("pages/Plain.java", "package pages;\n\n/** Just a class. */\nclass Plain {}\n");
        assertEquals(List.of(), page.pragmaLines());
        assertEquals(List.of(), page.loadMethods());
        assertEquals(Optional.of(new PageComment("/** Just a class. */", 3, 1)), page.pageComment());
    }

    @Test
    void picksTheClassNamedAfterTheFileThenThePublicOneThenTheOnlyOne() {
        String twoClasses = "class Helper {}\npublic class Shown {}\n";
        assertEquals("Shown", JavaPages.parse("x/Other.java", twoClasses).pageType().orElseThrow().getNameAsString());
        assertEquals("Helper", JavaPages.parse("x/Helper.java", twoClasses).pageType().orElseThrow().getNameAsString());
        assertEquals(Optional.empty(), JavaPages.parse("x/Other.java", "class A {}\nclass B {}\n").pageType());
        assertEquals("A", JavaPages.parse("x/Other.java", "class A {}\n").pageType().orElseThrow().getNameAsString());
    }

    @Test
    void pageCommentIsEveryCommentBetweenTheImportsAndTheClass() {
        String page = """
                // not this: it is above the package
                package posts;

                import java.util.List; // nor this: it belongs to the import

                // Lists posts.
                /* in any style */
                // Pragma: revalidate 60
                @Deprecated
                public class PostsPage {
                }
                """;
        PageComment comment = JavaPages.parse("posts/PostsPage.java", page).pageComment().orElseThrow();
        assertEquals("// Lists posts.\n/* in any style */\n// Pragma: revalidate 60", comment.text());
        assertEquals(6, comment.line());
        assertEquals(1, comment.column());
    }

    @Test
    void findsPragmaLinesWithTheirPositions() {
        String page = """
                /**
                 * A page.
                 *   pragma: REVALIDATE 5m tags: a
                 */
                  /* Pragma: revalidate 60 */ class APage {}
                """;
        List<PragmaText> pragmas = JavaPages.parse("APage.java", page).pragmaLines();
        assertEquals(List.of(new PragmaText("pragma: REVALIDATE 5m tags: a", 3, 6),
                new PragmaText("Pragma: revalidate 60", 5, 6)), pragmas);
    }

    @Test
    void warnsAboutRevalidatePragmasOutsideThePageComment() {
        String page = """
                // Pragma: revalidate 60
                package pages;

                public class APage {
                    String load() {
                        // Pragma: revalidate 5m
                        return "";
                    }
                }
                """;
        JavaPageParse parse = parser.parse("pages/APage.java", page);
        assertTrue(parse.page().isPresent());
        assertEquals(List.of("1:4", "6:12"), parse.diagnostics().stream()
                .map(warning -> warning.line() + ":" + warning.column()).toList());
        assertTrue(parse.diagnostics().stream().noneMatch(Diagnostic::isError));
        assertTrue(parse.diagnostics().get(0).message().contains("belongs in the comment directly above its class"));
    }
}
