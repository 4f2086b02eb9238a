package dev.isr.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import dev.isr.compiler.CompileRequest;
import dev.isr.compiler.CompileResult;
import dev.isr.compiler.Diagnostic;
import dev.isr.compiler.targets.TargetRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every registered target's emitter, fed page paths, folder names, tags and strings full of quotes, backticks,
 * {@code ${}, {@code *}{@code /}, {@code </script>}, line breaks, U+2028, {@code ..} and non-ASCII (a backslash in a path is refused by design): every
 * generated JavaScript module parses (one Node process checks them all) and every generated Java file parses,
 * and no file lands outside its target's folder. The node target's meaning is checked by {@code InjectionTest}.
 */
class EveryTargetInjectionTest {

    /** A {@code /} makes a folder, which is how {@code *}{@code /}, {@code </script>} and {@code ..} reach a path. */
    private static final List<String> NAMES = List.of("quote\"s", "apo'strophe", "back`tick", "dollar${x}",
            "star*/slash", "</script>", "new\nline", "\u65e5\u672c\u8a9e", "sep\u2028arator", "para\u2029graph",
            "100%", "a?b", "c#d", "..dots../in..name");
    private static final String PAGE = """
            # Pragma: revalidate 60 tags: q"uote, b`t, ${x}, */, </script>, a\u2028b, \u00fcn\u00ef, back\\slash
            import Model, from: '../m"o`d${x}*/</script>\u2028.js'
            @s = 'a"b`c${x}*/</script>\u00e9\u2028\u2029'
            @t = "line\\nbreak\\u2028sep #{@s}"
            @m = Model.find(@s)
            __END__
            <p>{s}</p>
            """;
    /**
     * Parses each file named on the command line as an ES module without running or linking it. Node cannot parse
     * JSX: the JSX fragment of a vercel page (the page's own template, which a real {@code next build} parses in
     * examples/blog) is replaced by {@code null}, so the generated code around it is still checked.
     */
    private static final String CHECKER = """
            import { readFileSync } from "node:fs";
            import vm from "node:vm";
            let failed = 0;
            for (const file of process.argv.slice(2)) {
              let text = readFileSync(file, "utf8");
              if (file.endsWith(".astro")) text = text.split(/^---$/m)[1] ?? "";
              text = text.replace(/^    <>\\n[\\s\\S]*?\\n    <\\/>$/m, "    null");
              try { new vm.SourceTextModule(text, { identifier: file }); }
              catch (e) { failed++; console.log(file + ": " + e.message); }
            }
            console.log("checked " + (process.argv.length - 2) + ", failed " + failed);
            """;

    @TempDir
    Path dir;

    @Test
    void everyTargetWritesCodeThatParsesWhateverThePageIsCalled() throws Exception {
        Path pages = dir.resolve("pages");
        for (String name : NAMES) {
            write(pages.resolve(name + ".astro.rb"), PAGE);
        }
        write(pages.resolve("we\"ird`/[slug].astro.rb"), PAGE.replace("@m = Model.find(@s)", "@m = Model.find(@@slug)"));
        Path out = dir.resolve("out");

        CompileResult result = FuzzCompiler.get().compile(CompileRequest.of(pages, out, TargetRegistry.names()));
        assertEquals(List.of(), result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList());

        List<Path> modules = new ArrayList<>();
        List<String> javaProblems = new ArrayList<>();
        JavaParser java = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = out.relativize(file);
                assertTrue(file.normalize().startsWith(out) && relative.getNameCount() >= 1, file.toString());
                String name = file.getFileName().toString();
                if (name.endsWith(".js") || name.endsWith(".mjs") || name.endsWith(".astro")) {
                    modules.add(file);
                } else if (name.endsWith(".java")) {
                    ParseResult<CompilationUnit> parsed = java.parse(Files.readString(file));
                    parsed.getProblems().forEach(p -> javaProblems.add(relative + ": " + p.getVerboseMessage()));
                }
            }
        }
        assertEquals(List.of(), javaProblems);
        assertTrue(modules.size() >= NAMES.size(), "modules: " + modules.size());
        assertEquals("checked " + modules.size() + ", failed 0", checkModules(modules));
    }

    private String checkModules(List<Path> modules) throws IOException, InterruptedException {
        Path checker = Files.writeString(dir.resolve("check-syntax.mjs"), CHECKER);
        List<String> command = new ArrayList<>(List.of(System.getProperty("node.executable", "node"),
                "--experimental-vm-modules", "--no-warnings", checker.toString()));
        modules.forEach(m -> command.add(m.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        return output;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
