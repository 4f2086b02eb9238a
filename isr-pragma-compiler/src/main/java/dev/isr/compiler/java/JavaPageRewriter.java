package dev.isr.compiler.java;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.type.Type;
import dev.isr.compiler.java.JavaRoute.InvalidRouteException;
import dev.isr.compiler.java.JvmCacheSpec.RouteOption;
import dev.isr.compiler.java.JvmPageCode.KeyParameter;
import dev.isr.compiler.java.JvmPageCode.LoadSignature;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rewrites a pragma page for the {@code jvm} target (SPEC §6): the body of {@code load} moves into a
 * new method {@code loadWithStatus}, as {@code Isr.read(cacheKey(…), REVALIDATE_SECONDS, TAGS, () -> { … })},
 * {@code load} returns {@code loadWithStatus(…).value()}, and the constants and the key method are
 * added at the end of the class. The page text is spliced, not reprinted:
 * every character outside the body of {@code load} and the insertions stays as it was.
 */
public final class JavaPageRewriter {

    private static final String ISR = "dev.isr.runtime.Isr";
    private static final String RESULT = "dev.isr.runtime.IsrResult";
    private static final String SET = "java.util.Set";

    /**
     * @param page   the parsed page, with a pragma
     * @param spec   what the pragma asks for
     * @param source the page path under the pages directory, with {@code /} separators: it names the
     *               page in the generated comments and gives the route when the pragma has no {@code route:}
     */
    public JavaRewrite rewrite(JavaPage page, JvmCacheSpec spec, String source) {
        SourceText text = new SourceText(page.text());
        PageDiagnostics diagnostics = new PageDiagnostics(page.path(), text);
        LoadMethodRules rules = new LoadMethodRules(page, diagnostics);
        Optional<MethodDeclaration> found = rules.check();
        if (found.isEmpty()) {
            return new JavaRewrite(Optional.empty(), Optional.empty(), diagnostics.list());
        }
        MethodDeclaration load = found.get();
        List<Parameter> keyParameters = rules.checkParameters(load);
        Optional<JavaRoute> route = route(spec, load, source, diagnostics);
        route.ifPresent(resolved -> checkRouteParameters(resolved, spec, load, keyParameters, diagnostics));
        checkGeneratedNamesFree(page.pageType().orElseThrow(), diagnostics);
        if (diagnostics.hasErrors()) {
            return new JavaRewrite(Optional.empty(), route, diagnostics.list());
        }
        return new JavaRewrite(Optional.of(splice(page, text, spec, route.orElseThrow(), load, source)), route, List.of());
    }

    private static Optional<JavaRoute> route(JvmCacheSpec spec, MethodDeclaration load, String source, PageDiagnostics diagnostics) {
        if (spec.route().isPresent()) {
            RouteOption option = spec.route().get();
            try {
                return Optional.of(JavaRoute.parse(option.pattern()));
            } catch (InvalidRouteException invalid) {
                diagnostics.error(option.line(), option.column() + invalid.index(),
                        "invalid route '" + option.pattern() + "': " + invalid.getMessage());
                return Optional.empty();
            }
        }
        JavaRoute fromPath = JavaRoute.fromSource(source);
        if (load.getParameters().isNonEmpty()) {
            String example = (fromPath.pattern().equals("/") ? "" : fromPath.pattern()) + load.getParameters().stream()
                    .map(parameter -> "/{" + parameter.getNameAsString() + "}").collect(Collectors.joining());
            diagnostics.error(load.getParameter(0), "load takes parameters, so the route cannot come from the file path"
                    + " alone: name them in the pragma's route, e.g. 'route: " + example + "'");
            return Optional.empty();
        }
        return Optional.of(fromPath);
    }

    /** Every parameter is part of the key, and every route parameter has a value. */
    private static void checkRouteParameters(JavaRoute route, JvmCacheSpec spec, MethodDeclaration load,
            List<Parameter> keyParameters, PageDiagnostics diagnostics) {
        List<String> routeNames = route.paramNames();
        for (Parameter parameter : keyParameters) {
            if (!routeNames.contains(parameter.getNameAsString())) {
                diagnostics.error(parameter, "load parameter '" + parameter.getNameAsString() + "' is not in the route "
                        + route.pattern() + ": every parameter is part of the cache key, so the route names it as {"
                        + parameter.getNameAsString() + "}");
            }
        }
        spec.route().ifPresent(option -> {
            for (String name : routeNames) {
                if (load.getParameterByName(name).isEmpty()) {
                    diagnostics.error(option.line(), option.column() + option.pattern().indexOf("{" + name + "}"),
                            "the route's {" + name + "} is not a parameter of load: add a parameter '" + name
                                    + "' to load or drop it from the route");
                }
            }
        });
    }

    private static void checkGeneratedNamesFree(TypeDeclaration<?> type, PageDiagnostics diagnostics) {
        for (String name : JvmPageCode.GENERATED_NAMES) {
            type.getFieldByName(name).ifPresent(field -> field.getVariables().stream()
                    .filter(variable -> variable.getNameAsString().equals(name))
                    .forEach(variable -> diagnostics.error(variable.getName(), alreadyDeclared(type, name))));
            type.getMethodsByName(name).forEach(method -> diagnostics.error(method.getName(), alreadyDeclared(type, name)));
        }
    }

    private static String alreadyDeclared(TypeDeclaration<?> type, String name) {
        return type.getNameAsString() + " already declares " + name + ", a name the compiler generates from the pragma: rename it";
    }

    private static String splice(JavaPage page, SourceText text, JvmCacheSpec spec, JavaRoute route, MethodDeclaration load, String source) {
        BlockStmt body = load.getBody().orElseThrow();
        Position open = begin(body);
        Position close = end(body);
        CodeLayout layout = CodeLayout.around(text, begin(load).line, open.line, close.line);
        JvmPageCode code = new JvmPageCode(source, spec, route, signature(text, load), layout);
        ImportPlan imports = new ImportPlan(page.unit());
        String isr = imports.name(ISR);
        String result = imports.name(RESULT);
        String set = imports.name(SET);
        TextEdits edits = new TextEdits();
        int top = page.text().startsWith("\uFEFF") ? 1 : 0;
        edits.insert(top, code.header());
        int bodyStart = text.offset(open.line, open.column);
        int bodyEnd = text.offset(close.line, close.column) + 1;
        edits.replace(bodyStart, bodyEnd, code.body(isr, result, page.text().substring(bodyStart + 1, bodyEnd - 1)));
        insertMembers(edits, text, page.pageType().orElseThrow(), code.members(set), layout);
        insertImports(edits, text, page, imports.added().stream().map(code::importLine).toList(), layout, top);
        return edits.applyTo(page.text());
    }

    /** What loadWithStatus repeats of load: its access, static-ness, value type and parameters. */
    private static LoadSignature signature(SourceText text, MethodDeclaration load) {
        String modifiers = load.getModifiers().stream()
                .map(Modifier::getKeyword)
                .filter(keyword -> keyword == Modifier.Keyword.PUBLIC || keyword == Modifier.Keyword.PROTECTED
                        || keyword == Modifier.Keyword.PRIVATE || keyword == Modifier.Keyword.STATIC)
                .map(keyword -> keyword.asString() + " ")
                .collect(Collectors.joining());
        Type type = load.getType();
        // the value travels through generics, which take the boxed type
        String valueType = type.isPrimitiveType() ? type.asPrimitiveType().toBoxedType().asString() : typeText(text, type);
        List<KeyParameter> parameters = load.getParameters().stream()
                .map(parameter -> new KeyParameter(typeText(text, parameter.getType()), parameter.getNameAsString()))
                .toList();
        return new LoadSignature(modifiers, valueType, parameters);
    }

    /**
     * A type as the page writes it, on one line, for the generated signatures; a type with a comment
     * inside is printed by JavaParser instead, because joining its lines could swallow code into a
     * line comment.
     */
    private static String typeText(SourceText text, Type type) {
        String written = sourceOf(text, type);
        return written.contains("//") || written.contains("/*") ? type.asString() : written.strip().replaceAll("\\s+", " ");
    }

    /** Before the class's closing brace, after a blank line. */
    private static void insertMembers(TextEdits edits, SourceText text, TypeDeclaration<?> type, String members, CodeLayout layout) {
        Position close = end(type);
        String beforeBrace = text.line(close.line).substring(0, close.column - 1);
        if (beforeBrace.isBlank()) {
            String gap = text.line(close.line - 1).isBlank() ? "" : layout.lineBreak();
            edits.insert(text.offset(close.line, 1), gap + members);
        } else {
            edits.insert(text.offset(close.line, close.column), layout.lineBreak() + members);
        }
    }

    /** After the last import, else after the package declaration, else at the top. */
    private static void insertImports(TextEdits edits, SourceText text, JavaPage page, List<String> lines, CodeLayout layout, int top) {
        if (lines.isEmpty()) {
            return;
        }
        String eol = layout.lineBreak();
        String block = String.join(eol, lines);
        Optional<Node> anchor = page.unit().getImports().isEmpty()
                ? page.unit().getPackageDeclaration().map(Node.class::cast)
                : Optional.of(page.unit().getImports().getLast().orElseThrow());
        if (anchor.isEmpty()) {
            edits.insert(top, block + eol + eol);
            return;
        }
        int line = end(anchor.get()).line;
        String separator = page.unit().getImports().isEmpty() ? eol + eol : eol;
        edits.insert(text.lineEnd(line), separator + block);
    }

    private static String sourceOf(SourceText text, Node node) {
        return text.text().substring(text.offset(begin(node).line, begin(node).column), text.offset(end(node).line, end(node).column) + 1);
    }

    private static Position begin(Node node) {
        return node.getBegin().orElseThrow();
    }

    private static Position end(Node node) {
        return node.getEnd().orElseThrow();
    }
}
