package dev.isr.compiler.ruby;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.Diagnostic;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error the translator reports, at its exact line and column: constructs without a faithful translation,
 * request state read in a cached page, malformed imports, syntax errors, and data names JavaScript cannot take.
 */
class DiagnosticsTest {

    private static final RubyFrontMatterTranslator TRANSLATOR = new RubyFrontMatterTranslator();

    @AfterAll
    static void close() {
        TRANSLATOR.close();
    }

    private static Arguments at(String ruby, int line, int column, String gist) {
        return Arguments.of(ruby, line, column, gist);
    }

    static Stream<Arguments> rejectedConstructs() {
        return Stream.of(
                at("@a = 1\nclass Foo\nend", 2, 1, "`class` definition"),
                at("class << self\nend", 1, 1, "`class << self`"),
                at("module M; end", 1, 1, "`module` definition"),
                at("@a = 1\n  def x = 1", 2, 3, "method definition (`def`)"),
                at("def self.x\nend", 1, 1, "method definition (`def`)"),
                at("yield 2", 1, 1, "`yield`"),
                at("@b = `ls`", 1, 6, "shell command"),
                at("@b = %x(ls)", 1, 6, "shell command"),
                at("@c = $stdin", 1, 6, "global variable `$stdin`"),
                at("$g = 1", 1, 1, "global variable `$g`"),
                at("@m = $1", 1, 6, "`$1`"),
                at("@d = eval(\"1\")", 1, 6, "`eval` cannot be translated"),
                at("@e = x.instance_eval { 1 }", 1, 8, "`instance_eval` cannot be translated"),
                at("@e = x.send(:y)", 1, 8, "`send` cannot be translated"),
                at("x.define_method(:y) { }", 1, 3, "`define_method` cannot be translated"),
                at("@l = __method__", 1, 6, "`__method__` cannot be translated"),
                at("@m = binding", 1, 6, "`binding` cannot be translated"),
                at("require 'json'", 1, 1, "use `import Name, from: 'path'`"),
                at("@f = 1 <=> 2", 1, 8, "`<=>`"),
                at("@f = a === b", 1, 8, "`===`"),
                at("@g = \"%d items\" % 3", 1, 17, "format string"),
                at("@g = format(\"%d\", 3)", 1, 6, "format strings"),
                at("@a = 1\nBEGIN { 1 }", 2, 1, "`BEGIN` block"),
                at("END { 1 }", 1, 1, "`END` block"),
                at("begin\n  x = 1\nrescue\n  retry\nend", 4, 3, "`retry`"),
                at("xs.each { |x| redo }", 1, 15, "`redo`"),
                at("@h = for x in [1]; end", 1, 6, "`for` loop"),
                at("@i = Post.all rescue nil", 1, 15, "`rescue` modifier"),
                at("@j = /a\\Ab/", 1, 6, "`\\A`"),
                at("@j = /a b/x", 1, 6, "flag `x`"),
                at("@j = /#{a}/", 1, 6, "interpolation"),
                at("@k = (1..3)", 1, 8, "no ranges"),
                at("@k = defined?(x)", 1, 6, "`defined?`"),
                at("@k = self", 1, 6, "`self`"),
                at("@k = __FILE__", 1, 6, "`__FILE__`"),
                at("@k = 3r", 1, 6, "Rational"),
                at("@k = 123456789012345678901234567890", 1, 6, "too large"),
                at("@@slug = 1", 1, 1, "cannot be assigned"),
                at("alias foo bar", 1, 1, "`alias`"),
                at("@v = xs.map { |x| return x }", 1, 19, "`return` inside a block"),
                at("return", 1, 1, "`return` would end the data block"),
                at("xs.each { |x| break }", 1, 15, "`break` out of a block"),
                at("@n = xs << 1", 1, 9, "`<<` inside an expression"),
                at("@a = (x; y)", 1, 6, "several statements"),
                at("@v = a[1, 2]", 1, 7, "several arguments"),
                at("@v = xs[a..b]", 1, 10, "integer literal bounds"),
                at("@v = (a.b..c).to_a", 1, 10, "integer literals and variables"),
                at("@v = xs.map { |a:| a }", 1, 15, "keyword and block parameters"),
                at("@v = lambda", 1, 6, "`lambda` without a block"),
                at("x = 1\ncase x\nwhen String then 1\nend", 3, 1, "`when` compares with Ruby's `===`"),
                at("@v = case f() when 1 then 2 end", 1, 6, "a `case` used as a value"),
                at("@v = if x\n  a = 1\n  a\nend", 1, 6, "several statements in a branch"),
                at("@v = \"\\xff\"", 1, 6, "not valid UTF-8"),
                at("begin\n  x = 1\nrescue\n  x = 2\nelse\n  x = 3\nend", 5, 1, "`else` after `rescue`"),
                at("@v = foo(import(X))", 1, 10, "`import` must be a statement"),
                at("@v = a&.b = 1", 1, 7, "cannot assign through `?.`"),
                at("@v = a&.nil?", 1, 9, "`&.nil?` cannot be translated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedConstructs")
    void rejectsWithTheExactPosition(String ruby, int line, int column, String gist) {
        assertPositioned(Translations.error(TRANSLATOR, ruby, false), ruby, line, column, gist);
    }

    static Stream<Arguments> requestStateReads() {
        return Stream.of(
                at("@a = cookies[:theme]", 1, 6, "`cookies` differs per visitor"),
                at("@a = cookies", 1, 6, "`cookies` differs per visitor"),
                at("@a = cookies()", 1, 6, "`cookies` differs per visitor"),
                at("@a = session[:user_id]", 1, 6, "`session` differs per visitor"),
                at("@a = request.headers", 1, 6, "`request` differs per visitor"),
                at("@a = headers[\"accept\"]", 1, 6, "`headers` differs per visitor"),
                at("@a = Post.for(current_user)", 1, 15, "`current_user` differs per visitor"),
                at("@a = Astro.request.url", 1, 6, "`Astro.request` differs per visitor"),
                at("@a = Astro.cookies.get(\"x\")", 1, 6, "`Astro.cookies` differs per visitor"),
                at("@a = Astro.locals", 1, 6, "`Astro.locals` differs per visitor"),
                at("@a =  Astro.url.searchParams", 1, 7, "`Astro.url` differs per visitor"),
                at("@a = params[:page]", 1, 6, "`params[:page]` differs per visitor"),
                at("@a = params[\"page\"]", 1, 6, "`params[\"page\"]` differs per visitor"),
                at("@a = params[:slug] + params.page", 1, 22, "`params.page` differs per visitor"),
                at("@a = @@page", 1, 6, "`@@page` differs per visitor"),
                at("@a = 1\nif x\n  @b = Post.find(cookies[:id])\nend", 3, 18, "`cookies` differs per visitor"),
                at("@a = xs.map { |x| session[x] }", 1, 19, "`session` differs per visitor"),
                at("@a = \"#{cookies[:a]}\"", 1, 9, "`cookies` differs per visitor"),
                at("@a = \"cookies\" + cookies[:a]", 1, 18, "`cookies` differs per visitor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestStateReads")
    void rejectsRequestStateInACachedPage(String ruby, int line, int column, String gist) {
        Diagnostic error = Translations.error(TRANSLATOR, ruby, true);
        assertPositioned(error, ruby, line, column, gist);
        assertTrue(error.message().contains("this page is cached") && error.message().contains("to everyone"), error.message());
    }

    @Test
    void explainsTheFixForRequestState() {
        String message = Translations.error(TRANSLATOR, "@a = cookies[:x]").message();
        assertTrue(message.contains("read it outside the cached data block") && message.contains("drop the pragma"), message);
        String param = Translations.error(TRANSLATOR, "@a = params[:page]").message();
        assertTrue(param.contains("not part of the cache key") && param.contains("the route's params: slug")
                && param.contains("[page] in the page's file name"), param);
    }

    @Test
    void allowsRequestStateInAnUncachedPage() {
        FrontMatter result = Translations.translate(TRANSLATOR,
                "@a = cookies[:theme]\n@b = Astro.request.url\n@c = params[:page]\n@d = current_user", Set.of("slug"), false);
        assertEquals(List.of(), result.diagnostics());
        assertEquals(List.of("a = cookies.theme;", "b = Astro.request.url;", "c = params.page;", "d = current_user;"),
                result.statements().stream().map(FrontMatter.JsStatement::code).toList());
    }

    @Test
    void allowsRouteParamsAndLocalsNamedLikeRequestStateInACachedPage() {
        FrontMatter result = Translations.translate(TRANSLATOR,
                "request = 1\n@a = request\n@b = params[:slug]\n@c = @@slug\n@d = Astro.params", Set.of("slug"), true);
        assertEquals(List.of(), result.diagnostics());
    }

    @Test
    void aRouteParamThatTheRouteLacksIsAnErrorInEveryPage() {
        Diagnostic error = Translations.error(TRANSLATOR, "@a = @@id", false);
        assertPositioned(error, "@a = @@id", 1, 6, "`@@id` names the route param `id`");
        assertTrue(error.message().contains("the route's params: slug"), error.message());
        FrontMatter noParams = Translations.translate(TRANSLATOR, "@a = @@id", Set.of(), false);
        assertTrue(noParams.diagnostics().get(0).message().contains("the route has no params"));
    }

    @Test
    void reportsEveryErrorOfAPageInSourceOrder() {
        FrontMatter result = Translations.translate(TRANSLATOR,
                "@a = session\n@b = `ls`\n@c = 1\n@d = $x + cookies", Set.of(), true);
        assertEquals(List.of("1:6", "2:6", "4:6"), result.diagnostics().stream().map(d -> d.line() + ":" + d.column()).toList());
        assertEquals(List.of("c = 1;"), result.statements().stream().map(FrontMatter.JsStatement::code).toList().subList(1, 2));
    }

    static Stream<Arguments> names() {
        return Stream.of(
                at("@default = 1", 1, 1, "`default` is a reserved word"),
                at("@params = 1", 1, 1, "`params` holds the route params"),
                at("function = 1", 1, 1, "`function` is a reserved word"),
                at("params = {}", 1, 1, "hide the route params"),
                at("@a = xs.map { |new| new }", 1, 16, "`new` is a reserved word"),
                at("@posts = 1\nposts = 2", 2, 1, "the local variable `posts` and the page data `@posts`"),
                at("@p = 1\n@q = xs.map { |p| p }", 2, 16, "the local variable `p` and the page data `@p`"),
                at("@a = @missing", 1, 6, "`@missing` is read but never assigned"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void rejectsNamesJavaScriptCannotTake(String ruby, int line, int column, String gist) {
        assertPositioned(Translations.error(TRANSLATOR, ruby, false), ruby, line, column, gist);
    }

    @Test
    void warnsWhenAMethodCallWouldReadData() {
        FrontMatter result = Translations.translate(TRANSLATOR, "@posts = all()\n@recent = posts.first", Set.of(), true);
        assertEquals(1, result.diagnostics().size());
        Diagnostic warning = result.diagnostics().get(0);
        assertAll(() -> assertEquals(Diagnostic.Severity.WARNING, warning.severity()),
                () -> assertEquals(2, warning.line()), () -> assertEquals(11, warning.column()),
                () -> assertTrue(warning.message().contains("write `@posts`"), warning.message()));
        assertEquals(List.of("posts = all();", "recent = posts.first;"),
                result.statements().stream().map(FrontMatter.JsStatement::code).toList());
    }

    static Stream<Arguments> malformedImports() {
        return Stream.of(
                at("import Layout from: 'x'", 1, 1, "what to import and `from:`"),
                at("@a = 1\n  import Layout, to: 'x'", 2, 3, "the only option of an import is `from:`"),
                at("import 'x'", 1, 1, "what to import and `from:`"),
                at("import [A, 1], from: 'x'", 1, 1, "a name or a list of names"),
                at("import X, from: \"a#{b}\"", 1, 1, "plain string literal"),
                at("import X, from: ''", 1, 1, "plain string literal"),
                at("import default, from: 'x'", 1, 1, "a name or a list of names"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedImports")
    void rejectsMalformedImports(String ruby, int line, int column, String gist) {
        Diagnostic error = Translations.error(TRANSLATOR, ruby, false);
        assertPositioned(error, ruby, line, column, gist);
        assertTrue(error.message().startsWith("malformed import: "), error.message());
    }

    @Test
    void translatesImports() {
        FrontMatter result = Translations.translate(TRANSLATOR, "# Pragma: revalidate 60\nimport Layout, from: '../layouts/Layout.astro'\n"
                + "import [formatDate, Card], from: \"../lib/ui.js\"\n@d = formatDate(1)", Set.of(), true);
        assertEquals(List.of(new FrontMatter.JsImport("Layout", "../layouts/Layout.astro", 2),
                new FrontMatter.JsImport("{ formatDate, Card }", "../lib/ui.js", 3)), result.imports());
        assertEquals(List.of("d = formatDate(1);"), result.statements().stream().map(FrontMatter.JsStatement::code).toList());
    }

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                at("@a = \"é\" + )\n", 1, 12, "syntax error, unexpected ')'"),
                at("x = (1 +\n@a = [1, 2\n", 2, 11, "unexpected end-of-file"),
                at("x = (1 +\n@a = [1, 2", 2, 11, "unexpected end-of-file"),
                at("@a = 1\n@b = [1, , 2]\n@c = 3\n", 2, 10, "syntax error"),
                at("\tfoo(,)\n", 1, 6, "syntax error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxErrors")
    void positionsSyntaxErrors(String ruby, int line, int column, String gist) {
        FrontMatter result = Translations.translate(TRANSLATOR, ruby, Set.of(), false);
        assertEquals(1, result.diagnostics().size(), () -> result.diagnostics().toString());
        Diagnostic error = result.diagnostics().get(0);
        assertPositioned(error, ruby, line, column, gist);
        assertEquals(Translations.PAGE, error.path());
    }

    private static void assertPositioned(Diagnostic error, String ruby, int line, int column, String gist) {
        assertAll(ruby,
                () -> assertEquals(line + ":" + column, error.line() + ":" + error.column(), error.format()),
                () -> assertTrue(error.message().contains(gist), () -> "message lacks [" + gist + "]: " + error.message()),
                () -> assertEquals(ruby.split("\n", -1)[line - 1], error.sourceLine()),
                () -> assertTrue(error.isError()));
    }
}
