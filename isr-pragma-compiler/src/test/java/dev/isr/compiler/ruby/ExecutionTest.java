package dev.isr.compiler.ruby;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Strings that try to break out of their literal, checked character by character, and translated data blocks
 * run by Node: the page data they produce must be what the Ruby means.
 */
class ExecutionTest {

    private static final RubyFrontMatterTranslator TRANSLATOR = new RubyFrontMatterTranslator();

    @AfterAll
    static void close() {
        TRANSLATOR.close();
    }

    @Test
    void escapesEverythingThatCouldEndAStringLiteral() {
        String ruby = "@s = 'q\"uo`te${x}*/</script><!--\\\\'\n@t = \"line\\nbreak\\u2028sep\\u2029é😀\\e\"";
        assertEquals("s = \"q\\\"uo`te${x}*/\\x3C/script>\\x3C!--\\\\\";\n"
                        + "t = \"line\\nbreak\\u2028sep\\u2029é😀\\u001b\";",
                Translations.js(TRANSLATOR, ruby));
    }

    @Test
    void escapesEverythingThatCouldEndATemplateLiteral() {
        String ruby = "@s = \"`${#{1}}` */ </script>\\n\\u2028\\\\\"";
        assertEquals("s = `\\`\\${${1}}\\` */ \\x3C/script>\\n\\u2028\\\\`;", Translations.js(TRANSLATOR, ruby));
    }

    static Stream<Arguments> programs() {
        return Stream.of(
                Arguments.of("strings", "@s = 'q\"uo`te${x}*/</script>\\\\'\n@t = \"a\\nb\\u2028é😀 #{1 + 1}`${\"",
                        "{\"s\":\"q\\\"uo`te${x}*/</script>\\\\\",\"t\":\"a\\nb\u2028é😀 2`${\"}"),
                Arguments.of("heredoc", "@h = <<~TEXT\n  Dear #{@@slug},\n    `${x}`\nTEXT",
                        "{\"h\":\"Dear hello-world,\\n  `${x}`\\n\"}"),
                Arguments.of("precedence", "@a = (1 + 2) * 3 - 8 / (2 - 4) ** 2\n@b = -2 ** 2\n@c = 2 ** 3 ** 2\n@d = 10 - (4 - 3)\n@e = !(1 == 2) && (false || true)",
                        "{\"a\":7,\"b\":-4,\"c\":512,\"d\":9,\"e\":true}"),
                Arguments.of("blocks", "@d = [1, 2, 3].map { |x| x * 2 }\n@e = [1, 2, 3].filter { _1 > 1 }\n"
                                + "@f = [1, 2, 3].map do |x|\n  y = x + 1\n  y * y\nend\n@g = [[1, [2]], [3]].map { |(a, b)| [a, b] }",
                        "{\"d\":[2,4,6],\"e\":[2,3],\"f\":[4,9,16],\"g\":[[1,[2]],[3,null]]}"),
                Arguments.of("ranges", "@g = (1..3).to_a\n@h = (0...3).to_a\nn = 2\n@i = (1..n).to_a\nxs = [1, 2, 3, 4]\n"
                                + "@j = xs[1..2]\n@k = xs[1..]\n@l = xs[0..-2]\n@m = xs[1...3]",
                        "{\"g\":[1,2,3],\"h\":[0,1,2],\"i\":[1,2],\"j\":[2,3],\"k\":[2,3,4],\"l\":[1,2,3],\"m\":[2,3]}"),
                Arguments.of("control flow", "x = nil\nx ||= 5\ny = 0\ny ||= 7\n@k = [x, y]\ni = 0\ntotal = 0\nwhile i < 5\n  i += 1\n"
                                + "  next if i == 2\n  total += i\nend\n@l = total\n@m = case i when 1, 2 then \"low\" when 5 then \"five\" else \"other\" end\n"
                                + "begin\n  raise \"boom\"\nrescue => e\n  @n = e.message\nend\nif total > 100\n  size = :big\nelsif total > 10\n  size = :medium\n"
                                + "else\n  size = :small\nend\n@o = size\n@p = 1 unless @l == 13",
                        "{\"k\":[5,0],\"l\":13,\"m\":\"five\",\"n\":\"boom\",\"o\":\"medium\",\"p\":null}"),
                Arguments.of("hashes, params and lambdas", "@o = {\"a-b\" => 1, c: :d, \"e\" => [nil, true]}\n@q = @@slug\n@r = params[:slug].length\n"
                                + "f = ->(a, b = 2) { a * b }\n@s = [f.(3), f.call(3, 3)]\na, (b, c), *d = 1, [2, 3], 4, 5\n@t = [a, b, c, d]",
                        "{\"o\":{\"a-b\":1,\"c\":\"d\",\"e\":[null,true]},\"q\":\"hello-world\",\"r\":11,\"s\":[6,9],\"t\":[1,2,3,[4,5]]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void runsAsRubyMeansIt(String name, String ruby, String expectedJson) throws Exception {
        FrontMatter result = Translations.translate(TRANSLATOR, ruby, Set.of("slug"), true);
        assertEquals(List.of(), result.diagnostics(), name);
        assertEquals(expectedJson, runInNode(result), name);
    }

    /** Runs the data block as the emitter wraps it: data declared, statements in order, every datum awaited. */
    private static String runInNode(FrontMatter frontMatter) throws IOException, InterruptedException {
        // data never assigned is nil in Ruby: declared as null, it serialises as Ruby's nil does
        String declarations = frontMatter.dataNames().isEmpty() ? ""
                : "let " + frontMatter.dataNames().stream().map(n -> n + " = null").collect(Collectors.joining(", ")) + ";\n";
        String statements = frontMatter.statements().stream().map(FrontMatter.JsStatement::code).collect(Collectors.joining("\n"));
        String result = frontMatter.dataNames().stream().map(n -> n + ": await " + n).collect(Collectors.joining(", "));
        String program = "(async (params) => {\n" + declarations + statements + "\nreturn {" + result + "};\n})"
                + "({slug: \"hello-world\"}).then(data => process.stdout.write(JSON.stringify(data)),"
                + " error => { console.error(error); process.exit(1); });";
        Process node = new ProcessBuilder("node", "-e", program).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
            throw new AssertionError("node failed on:\n" + program + "\n" + output);
        }
        return output;
    }
}
