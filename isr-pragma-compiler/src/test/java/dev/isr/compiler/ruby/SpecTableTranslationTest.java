package dev.isr.compiler.ruby;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of SPEC §4's translation table. The table shows expressions; a {@code JsStatement} is a complete
 * statement, so each expected line here ends with the semicolon the table leaves out. Rows that read data a
 * row does not assign get that assignment first (reading unassigned data is an error), and only the row's own
 * statement is compared.
 */
class SpecTableTranslationTest {

    private static final RubyFrontMatterTranslator TRANSLATOR = new RubyFrontMatterTranslator();

    @AfterAll
    static void close() {
        TRANSLATOR.close();
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("", "@posts = Post.published.order(date: :desc)", "posts = Post.published.order({date: \"desc\"});"),
                Arguments.of("", "@post = await Post.find(@@slug)", "post = await Post.find(params.slug);"),
                Arguments.of("@posts = []\n", "@title = \"Posts (#{@posts.length})\"", "title = `Posts (${posts.length})`;"),
                Arguments.of("", "@recent = posts.select { |p| p.draft? }", "recent = posts.select(p => p.draft);"),
                Arguments.of("", "@titles = posts.map(&:title)", "titles = posts.map(item => item.title);"),
                Arguments.of("", "@n = compute_stats()", "n = compute_stats();"),
                Arguments.of("", "@m = compute_stats", "m = compute_stats;"),
                Arguments.of("@post = nil\n", "@c = @post&.comments", "c = post?.comments;"),
                Arguments.of("x = nil\n", "x ||= 5", "x ??= 5;"),
                Arguments.of("", "a, b = 1, 2", "let [a, b] = [1, 2];"),
                Arguments.of("", "@k = {\"a\" => 1, b: 2}", "k = {a: 1, b: 2};"),
                Arguments.of("", "@e = x == 1 ? \"a\" : :b", "e = x == 1 ? \"a\" : \"b\";"),
                Arguments.of("", "@u = x unless y", "if (!y) u = x;"),
                Arguments.of("", "@f = fetch(url).then { |r| r.json() }", "f = fetch(url).then(r => r.json());"),
                Arguments.of("", "@v = nil", "v = null;"),
                Arguments.of("", "@w = %w[a b]", "w = [\"a\", \"b\"];"),
                Arguments.of("", "@r = (1..3).to_a", "r = Array.from({length: 3}, (_, i) => i + 1);"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("rows")
    void translatesTheRow(String setup, String ruby, String javaScript) {
        String all = Translations.js(TRANSLATOR, setup + ruby);
        assertEquals(javaScript, all.substring(all.lastIndexOf('\n') + 1));
    }

    @Test
    void anOrAssignmentOfANewLocalDeclaresItFirst() {
        assertEquals("let x;\nx ??= 5;", Translations.js(TRANSLATOR, "x ||= 5"));
    }

    @Test
    void statementsKeepTheirSourceLines() {
        FrontMatter result = Translations.translate(TRANSLATOR, "# Pragma: revalidate 60\n\n@a = 1\n@b = [\n  2\n]\n@c = 3; @d = 4\n",
                java.util.Set.of(), true);
        assertEquals(java.util.List.of(3, 4, 7, 7), result.statements().stream().map(FrontMatter.JsStatement::line).toList());
        assertEquals(java.util.List.of("a", "b", "c", "d"), result.dataNames());
    }
}
