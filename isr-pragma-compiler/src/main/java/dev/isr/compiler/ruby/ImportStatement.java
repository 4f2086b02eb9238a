package dev.isr.compiler.ruby;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jruby.ast.ArrayNode;
import org.jruby.ast.ConstNode;
import org.jruby.ast.FCallNode;
import org.jruby.ast.HashNode;
import org.jruby.ast.LocalVarNode;
import org.jruby.ast.Node;
import org.jruby.ast.StrNode;
import org.jruby.ast.SymbolNode;
import org.jruby.ast.VCallNode;
import org.jruby.ast.types.INameNode;
import org.jruby.util.KeyValuePair;

/** The front matter's {@code import X, from: 'path'} and {@code import [a, b], from: 'path'} statements. */
final class ImportStatement {

    private static final String FORMS = "write `import Name, from: 'path'` or `import [a, b], from: 'path'`";

    private final TranslationContext context;
    private final LiteralTranslator literals;

    ImportStatement(TranslationContext context, LiteralTranslator literals) {
        this.context = context;
        this.literals = literals;
    }

    static boolean isImport(Node node) {
        return node instanceof FCallNode call && RubyNames.of(call).equals("import");
    }

    /** The ES import, or empty after recording an error at the {@code import} keyword. */
    Optional<FrontMatter.JsImport> translate(FCallNode node) {
        SourceText.Position at = context.locate(Tokens.word("import"), node);
        List<Node> args = node.getArgsNode() instanceof ArrayNode list ? java.util.Arrays.asList(list.children()) : List.<Node>of();
        if (node.getIterNode() != null || args.size() != 2 || !(args.get(1) instanceof HashNode options)) {
            return malformed(at, "an import takes what to import and `from:`");
        }
        String clause = clause(args.get(0));
        if (clause == null) {
            return malformed(at, "what is imported must be a name or a list of names");
        }
        List<KeyValuePair<Node, Node>> pairs = options.getPairs();
        if (pairs.size() != 1 || !(pairs.get(0).getKey() instanceof SymbolNode key) || !RubyNames.of(key).equals("from")) {
            return malformed(at, "the only option of an import is `from:`");
        }
        if (!(pairs.get(0).getValue() instanceof StrNode path) || path.getValue().realSize() == 0) {
            return malformed(at, "`from:` must be a plain string literal naming the module");
        }
        return Optional.of(new FrontMatter.JsImport(clause, literals.text(path.getValue(), path), at.line()));
    }

    private Optional<FrontMatter.JsImport> malformed(SourceText.Position at, String problem) {
        context.error(at, "malformed import: " + problem + "; " + FORMS);
        return Optional.empty();
    }

    /** {@code Name}, or {@code { a, b }} for a list; null when the node is neither. */
    private static String clause(Node node) {
        if (isName(node)) {
            return RubyNames.of((INameNode) node);
        }
        if (node instanceof ArrayNode list && list.size() > 0) {
            List<String> names = new ArrayList<>();
            for (Node element : list.children()) {
                if (!isName(element)) {
                    return null;
                }
                names.add(RubyNames.of((INameNode) element));
            }
            return "{ " + String.join(", ", names) + " }";
        }
        return null;
    }

    private static boolean isName(Node node) {
        return (node instanceof ConstNode || node instanceof VCallNode || node instanceof LocalVarNode)
                && JsNames.isIdentifier(RubyNames.of((INameNode) node))
                && !JsNames.isReserved(RubyNames.of((INameNode) node));
    }
}
