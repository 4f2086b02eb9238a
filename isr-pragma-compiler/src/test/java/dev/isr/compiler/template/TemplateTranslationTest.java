package dev.isr.compiler.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.Diagnostic;
import dev.isr.compiler.ruby.RubyFrontMatterTranslator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Template expressions: Ruby containers translated, JavaScript ones left as written, exact output. */
class TemplateTranslationTest {

    private static final RubyFrontMatterTranslator RUBY = new RubyFrontMatterTranslator();
    private static final TemplateTranslator TRANSLATOR = new TemplateTranslator(RUBY::translateExpression);
    private static final String PAGE = "src/main/pages/posts/[slug].astro.rb";
    /** The template's first line in the page: after a front matter of three lines and `__END__`. */
    private static final int FIRST_LINE = 5;
    private static final Set<String> DATA = Set.of("posts", "post", "user", "items", "name", "active");

    @AfterAll
    static void close() {
        RUBY.close();
    }

    static Template translate(String template) {
        return TRANSLATOR.translate(new TemplateSource(PAGE, template, FIRST_LINE, Set.of("slug"), DATA));
    }

    private static String js(String template) {
        Template result = translate(template);
        assertEquals(List.of(), result.diagnostics().stream().map(Diagnostic::format).toList(), template);
        return result.text();
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("the seed's example", "<Layout>\n  {posts.map { |p| <Card post={p} /> }}\n</Layout>\n",
                        "<Layout>\n  {posts.map(p => <Card post={p} />)}\n</Layout>\n"),
                Arguments.of("a block whose element has containers", "<ul>{posts.map { |p| <li key={p.id}>{p.title}</li> }}</ul>",
                        "<ul>{posts.map(p => <li key={p.id}>{p.title}</li>)}</ul>"),
                Arguments.of("&:sym", "<p>{post.tags.map(&:name).join(\", \")}</p>",
                        "<p>{post.tags.map(item => item.name).join(\", \")}</p>"),
                Arguments.of("nil? in a ternary of elements", "{user.nil? ? <Login /> : <Profile user={user} />}",
                        "{user == null ? <Login /> : <Profile user={user} />}"),
                Arguments.of("each_with_index.map", "{items.each_with_index.map { |item, i| <Row item={item} index={i} /> }}",
                        "{items.map((item, i) => <Row item={item} index={i} />)}"),
                Arguments.of("interpolation", "<h1>{\"Hello #{name}\"}</h1>", "<h1>{`Hello ${name}`}</h1>"),
                Arguments.of("JavaScript is left as written", "{posts.map(p => <Card post={p} />)}",
                        "{posts.map(p => <Card post={p} />)}"),
                Arguments.of("an attribute valid in both", "<li class={active ? \"on\" : \"off\"}>x</li>",
                        "<li class={active ? \"on\" : \"off\"}>x</li>"),
                Arguments.of("do … end across lines", "<ul>\n{posts.map do |p|\n  <li>{p.title}</li>\nend}\n</ul>",
                        "<ul>\n{posts.map(p => <li>{p.title}</li>)}\n</ul>"),
                Arguments.of("instance variables and route params", "<a href={\"/posts/#{@@slug}\"}>{@post.title}</a>",
                        "<a href={`/posts/${params.slug}`}>{post.title}</a>"),
                Arguments.of("Ruby inside an element inside JavaScript",
                        "{posts.map(p => <Card tags={p.tags.map(&:name)} />)}",
                        "{posts.map(p => <Card tags={p.tags.map(item => item.name)} />)}"),
                Arguments.of("an element inside an element inside a block",
                        "{posts.map { |p| <li><b>{p.draft? ? \"draft\" : p.title}</b></li> }}",
                        "{posts.map(p => <li><b>{p.draft ? \"draft\" : p.title}</b></li>)}"),
                Arguments.of("unless and nil", "{<p>none</p> unless items.any?}{nil}",
                        "{items.any ? null : <p>none</p>}{null}"),
                Arguments.of("keyword arguments and symbols", "{format_date(post.date, style: :short)}",
                        "{format_date(post.date, {style: \"short\"})}"),
                Arguments.of("a call without parentheses", "<time>{format_date post.date, \"short\"}</time>",
                        "<time>{format_date(post.date, \"short\")}</time>"),
                Arguments.of("JavaScript operator words are no call", "{typeof post === \"object\" && await post instanceof Post}",
                        "{typeof post === \"object\" && await post instanceof Post}"),
                Arguments.of("a less-than is no element", "{posts.size <3 ? \"few\" : \"many\"}",
                        "{posts.size <3 ? \"few\" : \"many\"}"),
                Arguments.of("braces in strings and style content", "<style>p { color: red }</style><p title=\"{x}\">{\"}\" + name}</p>",
                        "<style>p { color: red }</style><p title=\"{x}\">{\"}\" + name}</p>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void translatesRubyAndLeavesJavaScript(String name, String template, String expected) {
        assertEquals(expected, js(template));
    }

    @Test
    void jsxOutputIsWhatReactReads() {
        Template result = translate("<!DOCTYPE html>\n<!-- posts */ here -->\n<ul class=\"posts\">{posts.map { |p| <li class=\"post\">{p.title}<br></li> }}</ul>\n"
                + "<style>ul { margin: 0 }</style>\n<label for=\"q\">Q</label><Card class=\"x\" /><p>a > b }</p>");
        assertEquals(List.of(), result.diagnostics());
        assertEquals("\n{/* posts * / here */}\n<ul className=\"posts\">{posts.map(p => <li className=\"post\">{p.title}<br /></li>)}</ul>\n"
                + "<style>{\"ul { margin: 0 }\"}</style>\n<label htmlFor=\"q\">Q</label><Card class=\"x\" /><p>a &gt; b &#125;</p>", result.jsx());
        // Astro reads the markup as written: only the Ruby changes
        assertEquals("<!DOCTYPE html>\n<!-- posts */ here -->\n<ul class=\"posts\">{posts.map(p => <li class=\"post\">{p.title}<br></li>)}</ul>\n"
                + "<style>ul { margin: 0 }</style>\n<label for=\"q\">Q</label><Card class=\"x\" /><p>a > b }</p>", result.text());
    }

    @Test
    void readsRouteParamsOnlyWhenATranslatedExpressionDoes() {
        assertTrue(translate("{@@slug.upcase}").readsRouteParams());
        assertEquals(false, translate("{@post.title}").readsRouteParams());
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("Ruby and JavaScript mixed", "<ul>\n  {posts.map { |p| p.tags.map(t => t) }}\n</ul>",
                        "6:3", "this expression mixes Ruby (a block `{ … }` at 6:14) and JavaScript (an arrow function `=>` at 6:33),"
                                + " so the compiler cannot tell how to read it; write it all in Ruby or all in JavaScript"),
                Arguments.of("untranslatable Ruby at its construct", "<p>\n  {posts.map { |p| p.send(:title) }}</p>", "6:22",
                        "`send` cannot be translated: it calls a method chosen at run time; call the method by name"),
                Arguments.of("untranslatable Ruby after a multi-line element", "{posts.map { |p| <li>\n  {p.title}\n</li>; yield }}", "7:8", "`yield`"),
                Arguments.of("a Ruby syntax error", "<p>{posts.map { |p| p.title + }}</p>", "5:31", ""),
                Arguments.of("data the block does not assign", "<p>{@missing.title unless nil}</p>", "5:5",
                        "`@missing` is not page data: the data block does not assign it (the page's data: active, items, name, post, posts, user)"),
                Arguments.of("an unknown route param", "<p>{\"#{@@id}\"}</p>", "5:8", "`@@id` names the route param `id`"),
                Arguments.of("an unclosed element in code", "<ul>{posts.map { |p| <li>{p.title} }}</ul>", "5:22",
                        "the element `<li>` is never closed: `</ul>` comes before its `</li>`"),
                Arguments.of("an unclosed container", "<p>\n{posts.map { |p| p }</p>\n", "6:1", "this `{` is never closed by a `}`"),
                Arguments.of("an index with two arguments is Ruby, and has no translation", "<p>{post.body[0, 100]}</p>", "5:14",
                        "indexing with several arguments"),
                Arguments.of("two statements", "{posts.first; @post.title}", "5:15",
                        "a template expression must be one Ruby expression; compute the rest in the data block"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void reportsAtThePagePosition(String name, String template, String position, String message) {
        Template result = translate(template);
        List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), () -> errors.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        Diagnostic error = errors.get(0);
        assertEquals(position, error.line() + ":" + error.column(), error.format());
        assertTrue(error.message().startsWith(message), error.message());
        assertEquals(PAGE, error.path());
        assertEquals(template.split("\n", -1)[error.line() - FIRST_LINE], error.sourceLine());
        assertEquals("", result.text(), "a template with errors has no text to emit");
    }
}
