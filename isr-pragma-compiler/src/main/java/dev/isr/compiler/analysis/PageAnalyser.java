package dev.isr.compiler.analysis;

import dev.isr.compiler.Diagnostic;
import dev.isr.compiler.pragma.Pragma;
import dev.isr.compiler.ruby.FrontMatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline's own checks of a translated page (the translator checks the Ruby itself): a cached
 * page must have data to cache, each data name must be usable as a JavaScript variable inside
 * the generated {@code load(params)}, and the names a page imports must leave room for the names the
 * generated modules declare and for its data — else the module would not load (a name declared twice)
 * or its data block would read its own {@code let} where it meant the import.
 */
public final class PageAnalyser {

    /**
     * Names the generated code uses beside the page data, in the same scope: the route params of {@code load()},
     * the {@code .astro} file's {@code load} and the vercel page's {@code toProps}.
     */
    private static final Set<String> NAMES_BESIDE_DATA = Set.of("params", "load", "toProps");

    /** Names that cannot be declared with {@code let} in an async function. */
    private static final Set<String> RESERVED_NAMES = Set.of("arguments", "await", "break", "case",
            "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "eval",
            "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in",
            "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public", "return",
            "static", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
            "yield");

    /**
     * The names some target's generated module (or {@code .astro} file) declares at its top level: its
     * runtime imports, its exports, its helpers. {@code GeneratedNamesTest} keeps this list in step with the
     * templates.
     */
    public static final Set<String> GENERATED_NAMES = Set.of("withRevalidate", "readWithStatus", "workerContext",
            "toProps", "revalidate", "tags", "cacheKey", "fetchData", "load", "loadWithStatus", "getStaticProps",
            "getStaticPaths", "getServerSideProps", "Page", "dataView", "params", "encodeParam", "encodeCatchAll");

    /**
     * @param path             the page as diagnostics name it
     * @param frontMatterLines the front matter's lines, for positions
     */
    public List<Diagnostic> analyse(String path, List<String> frontMatterLines, Optional<Pragma> pragma,
                                    FrontMatter frontMatter) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        pragma.filter(p -> frontMatter.dataNames().isEmpty()).ifPresent(p -> diagnostics.add(Diagnostic.warning(
                path, p.line(), p.column(),
                "nothing to cache: the page has a revalidate pragma but assigns no @variable; assign its data to"
                        + " @variables or remove the pragma",
                line(frontMatterLines, p.line()))));
        Map<String, Integer> importLines = new HashMap<>();
        for (FrontMatter.JsImport jsImport : frontMatter.imports()) {
            for (String name : jsImport.names()) {
                String problem = GENERATED_NAMES.contains(name)
                        ? "the generated module declares '" + name + "' itself"
                        : importLines.containsKey(name) ? "it is already imported on line " + importLines.get(name)
                        : null;
                if (problem != null) {
                    int column = wordColumn(line(frontMatterLines, jsImport.line()), name);
                    diagnostics.add(Diagnostic.error(path, jsImport.line(), column, "cannot import '" + name + "': "
                            + problem + "; export it under another name from its module",
                            line(frontMatterLines, jsImport.line())));
                }
                importLines.putIfAbsent(name, jsImport.line());
            }
        }
        for (String name : frontMatter.dataNames()) {
            String reason = importLines.containsKey(name)
                    ? "'" + name + "' is imported on line " + importLines.get(name) + ", and a data variable of that"
                            + " name would hide the import in the generated load()"
                    : RESERVED_NAMES.contains(name) ? "'" + name + "' is reserved in JavaScript"
                    : NAMES_BESIDE_DATA.contains(name) ? "the generated code uses '" + name + "' beside the data"
                    : null;
            if (reason != null) {
                Position at = firstUse(frontMatterLines, name);
                diagnostics.add(Diagnostic.error(path, at.line, at.column, "@" + name + " cannot be page data: "
                        + reason + "; rename the variable", line(frontMatterLines, at.line)));
            }
        }
        return diagnostics;
    }

    private record Position(int line, int column) {
    }

    private static Position firstUse(List<String> lines, String name) {
        Pattern use = Pattern.compile("(?<!@)@" + Pattern.quote(name) + "\\b");
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = use.matcher(lines.get(i));
            if (m.find()) {
                return new Position(i + 1, m.start() + 1);
            }
        }
        return new Position(0, 0);
    }

    /** The 1-based column of {@code word} as a whole word in {@code text}; 1 when it is not there. */
    private static int wordColumn(String text, String word) {
        Matcher m = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])").matcher(text);
        return m.find() ? m.start() + 1 : 1;
    }

    private static String line(List<String> lines, int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }
}
