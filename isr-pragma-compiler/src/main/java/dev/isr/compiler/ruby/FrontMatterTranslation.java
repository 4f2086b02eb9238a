package dev.isr.compiler.ruby;

import dev.isr.compiler.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jruby.ast.BlockNode;
import org.jruby.ast.FCallNode;
import org.jruby.ast.Node;
import org.jruby.ast.RootNode;

/**
 * The translation of one parsed front matter: imports, then every other top-level statement in order, then
 * the checks that need the whole block (data names that JavaScript cannot take or that collide).
 */
final class FrontMatterTranslation {

    private static final Pattern SECOND_STATEMENT = Pattern.compile(";\\s*(\\S)");
    private final TranslationContext context;
    private final ExpressionTranslator expressions;
    private final ImportStatement imports;

    FrontMatterTranslation(FrontMatterSource page) {
        this.context = new TranslationContext(page);
        this.expressions = new ExpressionTranslator(context);
        this.imports = new ImportStatement(context, expressions.literals());
    }

    FrontMatter translate(RootNode root) {
        List<FrontMatter.JsImport> importList = new ArrayList<>();
        List<FrontMatter.JsStatement> statements = new ArrayList<>();
        List<Node> top = topLevelStatements(root.getBodyNode());
        for (int i = 0; i < top.size(); i++) {
            Node node = top.get(i);
            int first = Math.max(node.getLine(), 0);
            int next = i + 1 < top.size() ? top.get(i + 1).getLine() : context.source().lineCount();
            context.startStatement(first, Math.max(first, next - 1));
            if (ImportStatement.isImport(node)) {
                imports.translate((FCallNode) node).ifPresent(importList::add);
                continue;
            }
            try {
                statements.add(new FrontMatter.JsStatement(expressions.statements().frameStatement(node), first + 1));
            } catch (Untranslatable e) {
                context.error(e.position(), e.getMessage());
            }
        }
        checkDataNames();
        List<Diagnostic> diagnostics = new ArrayList<>(context.diagnostics());
        diagnostics.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return new FrontMatter(importList, statements, List.copyOf(context.dataNames().keySet()), diagnostics);
    }

    /**
     * One expression of a template. It reads the page's data ({@code @posts}, or plainly {@code posts}) and
     * cannot assign it; several statements are refused, since a template slot holds one value.
     */
    RubyExpression expression(RootNode root, Set<String> dataNames) {
        List<Node> top = topLevelStatements(root.getBodyNode());
        context.startStatement(0, context.source().lineCount() - 1);
        String code = "";
        if (top.size() != 1) {
            // the second statement: after a `;` on its line, else its line's first character
            int second = top.isEmpty() ? 0 : Math.max(top.get(1).getLine(), 0);
            SourceText.Position at = context.source().locate(SECOND_STATEMENT, second, second);
            context.error(at, "a template expression must be one Ruby expression; compute the rest in the data block");
        } else {
            try {
                code = expressions.translate(top.get(0)).code();
            } catch (Untranslatable e) {
                context.error(e.position(), e.getMessage());
            }
        }
        context.dataNames().forEach((name, at) -> context.error(at,
                "a template cannot assign page data (`@" + name + "`); assign it in the data block"));
        for (TranslationContext.Occurrence read : context.dataReads()) {
            if (!dataNames.contains(read.name())) {
                context.error(read.position(), "`@" + read.name() + "` is not page data: the data block does not assign it"
                        + " (the page's data: " + (dataNames.isEmpty() ? "none" : String.join(", ", new TreeSet<>(dataNames)))
                        + ")");
            }
        }
        List<Diagnostic> diagnostics = new ArrayList<>(context.diagnostics());
        diagnostics.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        boolean failed = diagnostics.stream().anyMatch(Diagnostic::isError);
        return new RubyExpression(failed ? "" : code, context.readsRouteParams(), diagnostics);
    }

    /** The root's statements; JRuby hoists {@code BEGIN} blocks into an outer block around the rest. */
    private static List<Node> topLevelStatements(Node body) {
        List<Node> out = new ArrayList<>();
        if (body instanceof BlockNode block) {
            for (Node child : block.children()) {
                if (child instanceof BlockNode) {
                    out.addAll(topLevelStatements(child));
                } else {
                    out.add(child);
                }
            }
        } else if (body != null) {
            out.add(body);
        }
        out.sort(Comparator.comparingInt(Node::getLine));
        return out;
    }

    /**
     * Instance variables become plain JavaScript names beside the locals and the route params, so each must be
     * a legal name, distinct from every local, and assigned somewhere; a receiverless call of the same name
     * would read it.
     */
    private void checkDataNames() {
        Map<String, SourceText.Position> data = context.dataNames();
        data.forEach((name, at) -> {
            if (JsNames.isReserved(name) || name.equals("params") || !JsNames.isIdentifier(name)) {
                String why = name.equals("params") ? "`params` holds the route params" : "`" + name + "` is a reserved word in JavaScript";
                context.error(at, "the instance variable `@" + name + "` cannot be page data: " + why + "; rename it");
            }
        });
        context.locals().forEach((name, at) -> {
            if (data.containsKey(name)) {
                context.error(at, "the local variable `" + name + "` and the page data `@" + name + "` would both be `"
                        + name + "` in JavaScript; rename one of them");
            }
        });
        for (TranslationContext.Occurrence call : context.methodReferences()) {
            if (data.containsKey(call.name())) {
                // the JavaScript reads the data, which is most likely what was meant, but Ruby would call a method
                context.warning(call.position(), "`" + call.name() + "` is a method call in Ruby but reads the page data `@"
                        + call.name() + "` in JavaScript; write `@" + call.name() + "` to say so");
            }
        }
        for (TranslationContext.Occurrence read : context.dataReads()) {
            if (!data.containsKey(read.name())) {
                context.error(read.position(), "`@" + read.name() + "` is read but never assigned in this data block"
                        + " (Ruby would read nil); assign it or fix the name");
            }
        }
    }
}
