package dev.isr.compiler.ruby;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Locating tokens without JRuby: string contents and comments are never taken for code. */
class SourceTextTest {

    @Test
    void masksStringsCommentsAndHeredocBodiesButNotInterpolatedCode() {
        List<String> lines = List.of(
                "a = \"cookies #{cookies} x\" # cookies",
                "b = 'cookies' + %w[cookies] + %q(cookies)",
                "c = <<~EOS + cookies",
                "  cookies",
                "EOS",
                "d = cookies");
        assertEquals(List.of(
                "a = \"         {cookies}  \"          ",
                "b = '       ' + %w[       ] + %q(       )",
                "c = <<~EOS + cookies",
                "         ",
                "EOS",
                "d = cookies"), RubyCodeMask.mask(lines), "interpolation braces and the heredoc terminator stay: neither is a name");
    }

    @Test
    void locatesRepeatedTokensInSourceOrder() {
        SourceText source = SourceText.of("x = \"cookies\" + cookies + cookies");
        var token = Tokens.word("cookies");
        assertEquals(17, source.locate(token, 0, 0).column());
        assertEquals(27, source.locate(token, 0, 0).column());
        // a token located out of order is found from the start of the line again
        assertEquals(17, source.locate(token, 0, 0).column());
    }

    @Test
    void searchesTheFollowingLinesOfAStatement() {
        SourceText source = SourceText.of("@a = Post\n  .where(x: 1)\n  .cookies");
        assertEquals(new SourceText.Position(3, 4, 10), source.locate(Tokens.method("cookies"), 0, 2));
    }

    @Test
    void distinguishesInstanceVariablesFromRouteParams() {
        SourceText source = SourceText.of("@a = @@slug + @slug");
        assertEquals(15, source.locate(Tokens.instanceVariable("@slug"), 0, 0).column());
        assertEquals(6, source.locate(Tokens.classVariable("@@slug"), 0, 0).column());
    }
}
