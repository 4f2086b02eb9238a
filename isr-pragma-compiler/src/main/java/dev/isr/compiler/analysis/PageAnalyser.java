package dev.isr.compiler.analysis;

import dev.isr.compiler.Diagnostic;
import dev.isr.compiler.pragma.Pragma;
import dev.isr.compiler.ruby.FrontMatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline's own checks of a translated page (the translator checks the Ruby itself): a cached
 * page must have data to cache, and each data name must be usable as a JavaScript variable inside
 * the generated {@code load(params)}.
 */
public final class PageAnalyser {

    /** Names that cannot be declared with {@code let} in an async function, plus {@code params}, which load() owns. */
    private static final Set<String> UNUSABLE_NAMES = Set.of("params", "arguments", "await", "break", "case",
            "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "eval",
            "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in",
            "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public", "return",
            "static", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
            "yield");

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
        for (String name : frontMatter.dataNames()) {
            if (UNUSABLE_NAMES.contains(name)) {
                Position at = firstUse(frontMatterLines, name);
                diagnostics.add(Diagnostic.error(path, at.line, at.column, "@" + name + " cannot be page data: '"
                        + name + "' is " + (name.equals("params") ? "the route params' name" : "reserved in JavaScript")
                        + " in the generated load(); rename the variable", line(frontMatterLines, at.line)));
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

    private static String line(List<String> lines, int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }
}
