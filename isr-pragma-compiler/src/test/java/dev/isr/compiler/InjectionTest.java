package dev.isr.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Page file names, folder names, tags and strings holding quotes, backticks, {@code ${}, {@code *}{@code /},
 * {@code </script>}, line breaks, U+2028 and non-ASCII must give JavaScript that parses
 * ({@code node --check}) and means exactly the input (checked by importing it in Node): for {@code node}
 * also the {@code .astro} page's import of its module, for {@code cloudflare} the route table's.
 */
class InjectionTest {

    /** Page names; a {@code /} makes a folder, which is how {@code *}{@code /} and {@code </script>} reach a path. */
    private static final List<String> NAMES = List.of("quote\"s", "apo'strophe", "back`tick", "dollar${x}",
            "star*/slash", "</script>", "new\nline", "\u65e5\u672c\u8a9e", "sep\u2028arator", "100%", "a?b", "c#d");
    private static final List<String> TAGS = List.of("q\"uote", "b`t", "${x}", "*/", "</script>", "\u00fcn\u00ef",
            "back\\slash");
    private static final String PRAGMA = "# Pragma: revalidate 60 tags: " + String.join(", ", TAGS) + "\n";
    private static final String RUBY_STRINGS = """
            @s = 'a"b`c${x}*/</script>\u00e9'
            @t = "line\\nbreak\\u2028sep"
            """;
    private static final Map<String, String> DATA = Map.of("s", "a\"b`c${x}*/</script>\u00e9", "t", "line\nbreak\u2028sep");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"node", "cloudflare"})
    void specialCharactersStayInsideTheirLiteralsAndComments(String target) throws Exception {
        Pages project = new Pages(dir);
        List<String> cases = new ArrayList<>();
        for (String name : NAMES) {
            project.write(name + ".astro.rb", PRAGMA + RUBY_STRINGS + "__END__\n<p>{s}</p>\n");
            cases.add(testCase(target + "/" + name + ".js", List.of(name.split("/")), "{}", DATA));
        }
        project.write("we\"ird/[slug].astro.rb", PRAGMA + "@s = @@slug\n__END__\n<p>{s}</p>\n");
        cases.add(testCase(target + "/we\"ird/[slug].js", java.util.Arrays.asList("we\"ird", null),
                "{\"slug\": " + json("x\"/`${y}`</script>\u2028") + "}", Map.of("s", "x\"/`${y}`</script>\u2028")));

        CompileResult result = SharedCompiler.get().compile(project.request(List.of(target)));
        assertEquals(List.of(), result.diagnostics().stream().map(Diagnostic::format).toList());

        Path casesFile = dir.resolve("cases.json");
        Files.writeString(casesFile, "[\n" + String.join(",\n", cases) + "\n]\n");
        assertEquals(new NodeProcess.Outcome(0, "ok " + cases.size() + "\n"), NodeProcess.run(Path.of("."),
                "src/test/js/injection-harness.mjs", project.out.toString(), casesFile.toString(), target));

        int checked = 0;
        for (Map.Entry<String, String> file : project.outputTree().entrySet()) {
            Path checkable = project.out.resolve(file.getKey());
            if (file.getKey().endsWith(".astro")) {
                // an .astro front matter is module JavaScript between its --- fences
                String frontMatter = file.getValue().split("(?m)^---$", 3)[1];
                checkable = Files.writeString(dir.resolve("frontmatter-" + checked + ".mjs"), frontMatter);
            } else if (!file.getKey().endsWith(".js")) {
                continue;
            }
            NodeProcess.Outcome syntax = NodeProcess.run(Path.of("."), "--check", checkable.toString());
            assertEquals(0, syntax.exitCode(), file.getKey() + ": " + syntax.output());
            checked++;
        }
        // every page's module, and for node its .astro page too
        int filesPerPage = target.equals("node") ? 2 : 1;
        assertTrue(checked >= filesPerPage * (NAMES.size() + 1), "checked " + checked);
    }

    private static String testCase(String file, List<String> segments, String params, Map<String, String> data) {
        return "{\"file\": " + json(file)
                + ", \"segments\": " + segments.stream().map(s -> s == null ? "null" : json(s)).collect(Collectors.joining(", ", "[", "]"))
                + ", \"params\": " + params
                + ", \"tags\": " + TAGS.stream().map(InjectionTest::json).collect(Collectors.joining(", ", "[", "]"))
                + ", \"data\": " + new java.util.TreeMap<>(data).entrySet().stream()
                        .map(e -> json(e.getKey()) + ": " + json(e.getValue())).collect(Collectors.joining(", ", "{", "}"))
                + "}";
    }

    /** A JSON string with every character outside printable ASCII escaped: independent of the code under test. */
    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
