package dev.isr.compiler.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import dev.isr.compiler.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Parses one Java page and finds its page class and the comment above it. Pages with or without a
 * pragma parse the same way; only syntax errors reject a page.
 */
public final class JavaPageParser {

    /** Pages are compiled with release 17; JavaParser's default level is older. */
    private static final LanguageLevel LANGUAGE_LEVEL = LanguageLevel.JAVA_17;
    private static final int EXPECTED_TOKENS_SHOWN = 6;
    private static final Pattern LEXICAL_POSITION = Pattern.compile("at line (\\d+), column (\\d+)");

    public JavaPageParse parse(String path, String text) {
        JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(LANGUAGE_LEVEL));
        ParseResult<CompilationUnit> result = parser.parse(text);
        SourceText source = new SourceText(text);
        if (!result.getProblems().isEmpty() || result.getResult().isEmpty()) {
            List<Diagnostic> errors = result.getProblems().stream().map(problem -> syntaxError(path, source, problem)).toList();
            return new JavaPageParse(Optional.empty(), errors);
        }
        CompilationUnit unit = result.getResult().get();
        Optional<TypeDeclaration<?>> pageType = pageType(unit, path);
        List<Comment> leading = pageType.map(type -> leadingComments(unit, type)).orElse(List.of());
        Optional<PageComment> pageComment = leading.isEmpty() ? Optional.empty()
                : Optional.of(commentBlock(source, leading.get(0), leading.get(leading.size() - 1)));
        JavaPage page = new JavaPage(path, text, unit, pageType, pageComment);
        return new JavaPageParse(Optional.of(page), misplacedPragmas(path, source, unit, leading));
    }

    /** The type named after the file, else the only public one, else the only one. */
    private static Optional<TypeDeclaration<?>> pageType(CompilationUnit unit, String path) {
        String fileName = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        String className = fileName.endsWith(".java") ? fileName.substring(0, fileName.length() - 5) : fileName;
        List<TypeDeclaration<?>> types = unit.getTypes();
        Optional<TypeDeclaration<?>> named = types.stream().filter(type -> type.getNameAsString().equals(className)).findFirst();
        if (named.isPresent()) {
            return named;
        }
        List<TypeDeclaration<?>> publicTypes = types.stream().filter(TypeDeclaration::isPublic).toList();
        if (publicTypes.size() == 1) {
            return Optional.of(publicTypes.get(0));
        }
        return types.size() == 1 ? Optional.of(types.get(0)) : Optional.empty();
    }

    /**
     * The comments that start on a line after the previous top-level declaration (package, import or
     * type) and end before the page type, in order. JavaParser attaches only the last one to the type;
     * a comment trailing the previous declaration's line belongs to that declaration.
     */
    private static List<Comment> leadingComments(CompilationUnit unit, TypeDeclaration<?> type) {
        Position typeBegin = begin(type);
        Optional<Integer> previousLine = Stream.concat(
                        Stream.concat(unit.getPackageDeclaration().stream(), unit.getImports().stream()), unit.getTypes().stream())
                .map(JavaPageParser::end)
                .filter(end -> end.isBefore(typeBegin))
                .map(end -> end.line)
                .max(Comparator.naturalOrder());
        return unit.getAllComments().stream()
                .filter(comment -> begin(comment).line > previousLine.orElse(0) && end(comment).isBefore(typeBegin))
                .sorted(Comparator.comparing(JavaPageParser::begin))
                .toList();
    }

    private static PageComment commentBlock(SourceText source, Comment first, Comment last) {
        Position begin = begin(first);
        Position end = end(last);
        int from = source.offset(begin.line, begin.column);
        int to = Math.min(source.text().length(), source.offset(end.line, end.column) + 1);
        String text = source.text().substring(from, to).stripTrailing();
        return new PageComment(text, begin.line, begin.column);
    }

    /** A revalidate pragma outside the page comment would silently do nothing: say so. */
    private static List<Diagnostic> misplacedPragmas(String path, SourceText source, CompilationUnit unit, List<Comment> leading) {
        List<Diagnostic> warnings = new ArrayList<>();
        for (Comment comment : unit.getAllComments()) {
            if (leading.contains(comment)) {
                continue;
            }
            for (PragmaText pragma : commentBlock(source, comment, comment).pragmaLines()) {
                if (pragma.text().toLowerCase(Locale.ROOT).contains("revalidate")) {
                    warnings.add(Diagnostic.warning(path, pragma.line(), pragma.column(),
                            "this pragma is ignored: a Java page's pragma belongs in the comment directly above its class",
                            source.line(pragma.line())));
                }
            }
        }
        warnings.sort(Comparator.comparingInt(Diagnostic::line));
        return warnings;
    }

    private static Diagnostic syntaxError(String path, SourceText source, Problem problem) {
        Optional<Position> at = position(problem);
        int line = at.map(position -> position.line).orElse(0);
        int column = at.map(position -> position.column).orElse(0);
        return Diagnostic.error(path, line, column, syntaxMessage(problem.getMessage()), source.line(line));
    }

    /**
     * Where javac would put the caret. A parse error's range starts at the last token JavaParser
     * accepted; the caret goes under the token it found instead, the one its message names. A
     * lexical error has no range, only a position in its message.
     */
    private static Optional<Position> position(Problem problem) {
        if (problem.getLocation().isEmpty()) {
            Matcher lexical = LEXICAL_POSITION.matcher(problem.getMessage());
            return lexical.find()
                    ? Optional.of(new Position(Integer.parseInt(lexical.group(1)), Integer.parseInt(lexical.group(2))))
                    : Optional.empty();
        }
        JavaToken token = problem.getLocation().get().getBegin();
        if (problem.getMessage().startsWith("Parse error. Found")) {
            Optional<JavaToken> found = token.getNextToken();
            while (found.isPresent() && found.get().getCategory().isWhitespaceOrComment()) {
                found = found.get().getNextToken();
            }
            token = found.filter(next -> next.getRange().isPresent()).orElse(token);
        }
        return token.getRange().map(range -> range.begin);
    }

    /** JavaParser lists every token it could have accepted; a handful says enough. */
    private static String syntaxMessage(String message) {
        String oneLine = message.strip().replaceAll("\\s+", " ");
        String marker = "expected one of ";
        int at = oneLine.indexOf(marker);
        if (at < 0) {
            return oneLine;
        }
        String[] expected = oneLine.substring(at + marker.length()).strip().split(" ");
        if (expected.length <= EXPECTED_TOKENS_SHOWN) {
            return oneLine;
        }
        return oneLine.substring(0, at + marker.length()) + String.join(" ", List.of(expected).subList(0, EXPECTED_TOKENS_SHOWN)) + " …";
    }

    private static Position begin(Node node) {
        return node.getRange().map(range -> range.begin).orElseThrow();
    }

    private static Position end(Node node) {
        return node.getRange().map(range -> range.end).orElseThrow();
    }
}
