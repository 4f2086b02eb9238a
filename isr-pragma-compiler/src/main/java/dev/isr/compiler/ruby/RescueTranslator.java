package dev.isr.compiler.ruby;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jruby.ast.BlockNode;
import org.jruby.ast.ConstNode;
import org.jruby.ast.DAsgnNode;
import org.jruby.ast.EnsureNode;
import org.jruby.ast.GlobalVarNode;
import org.jruby.ast.ListNode;
import org.jruby.ast.LocalAsgnNode;
import org.jruby.ast.Node;
import org.jruby.ast.RescueBodyNode;
import org.jruby.ast.RescueNode;
import org.jruby.ast.SplatNode;
import org.jruby.ast.types.INameNode;

/**
 * {@code begin/rescue/ensure} as {@code try/catch/finally}. A rescue of specific classes tests
 * {@code instanceof} and rethrows anything else. A bare {@code rescue} (Ruby: StandardError) catches every
 * JavaScript exception, since JavaScript has no such split.
 */
final class RescueTranslator {

    /** What a bare rescue catches in Ruby: no class test in JavaScript. */
    private static final Set<String> CATCH_ALL = Set.of("StandardError", "Exception");
    private static final String SHARED_BINDING = "$error";

    private record Clause(List<Node> classes, String binding, List<Node> body, RescueBodyNode node) {
        boolean catchesAll() {
            return classes.isEmpty()
                    || classes.stream().anyMatch(c -> c instanceof ConstNode k && CATCH_ALL.contains(RubyNames.of(k)));
        }
    }

    private final TranslationContext context;
    private final ExpressionTranslator expressions;
    private final StatementTranslator statements;

    RescueTranslator(TranslationContext context, ExpressionTranslator expressions, StatementTranslator statements) {
        this.context = context;
        this.expressions = expressions;
        this.statements = statements;
    }

    /** JRuby binds {@code rescue => e} as an assignment {@code e = $!} at the start of the clause. */
    static boolean isExceptionBinding(Node node) {
        return (node instanceof LocalAsgnNode || node instanceof DAsgnNode)
                && ((org.jruby.ast.AssignableNode) node).getValueNode() instanceof GlobalVarNode global
                && RubyNames.of(global).equals("$!");
    }

    String translate(Node node, boolean returning) {
        Node ensure = null;
        Node body = node;
        if (node instanceof EnsureNode ensureNode) {
            ensure = ensureNode.getEnsureNode();
            body = ensureNode.getBodyNode();
        }
        StringBuilder out = new StringBuilder("try {\n");
        if (body instanceof RescueNode rescue) {
            if (rescue.getElseNode() != null) {
                throw context.untranslatable(rescue, Tokens.word("else"),
                        "`else` after `rescue` cannot be translated; move its statements to the end of the `begin` block");
            }
            out.append(StatementTranslator.indent(statements.block(rescue.getBodyNode(), returning))).append("\n}");
            out.append(catchBlock(clauses(rescue.getRescueNode()), returning));
        } else {
            out.append(StatementTranslator.indent(statements.block(body, returning))).append("\n}");
        }
        if (ensure != null) {
            out.append(" finally {\n").append(StatementTranslator.indent(statements.statement(ensure))).append("\n}");
        }
        return out.toString();
    }

    private List<Clause> clauses(RescueBodyNode first) {
        List<Clause> clauses = new ArrayList<>();
        for (RescueBodyNode node = first; node != null; node = node.getOptRescueNode()) {
            List<Node> classes = new ArrayList<>();
            Node exceptions = node.getExceptionNodes();
            if (exceptions instanceof ListNode list) {
                classes.addAll(java.util.Arrays.asList(list.children()));
            } else if (exceptions != null) {
                classes.add(exceptions);
            }
            for (Node c : classes) {
                if (c instanceof SplatNode) {
                    throw context.untranslatable(c, Tokens.text("*"), "a splat of exception classes in `rescue` cannot be translated; list the classes");
                }
            }
            List<Node> body = new ArrayList<>();
            Node statementsNode = node.getBodyNode();
            if (statementsNode instanceof BlockNode block) {
                body.addAll(java.util.Arrays.asList(block.children()));
            } else if (statementsNode != null) {
                body.add(statementsNode);
            }
            String binding = null;
            if (!body.isEmpty() && isExceptionBinding(body.get(0))) {
                binding = RubyNames.of((INameNode) body.remove(0));
                expressions.localName(binding, context.locate(Tokens.word(binding), node));
            }
            body.removeIf(n -> n instanceof org.jruby.ast.NilImplicitNode);
            clauses.add(new Clause(classes, binding, body, node));
        }
        return clauses;
    }

    private String catchBlock(List<Clause> clauses, boolean returning) {
        Set<String> bindings = new LinkedHashSet<>();
        clauses.forEach(c -> {
            if (c.binding() != null) {
                bindings.add(c.binding());
            }
        });
        Clause only = clauses.size() == 1 ? clauses.get(0) : null;
        if (only != null && only.catchesAll()) {
            String parameter = only.binding() == null ? "" : "(" + only.binding() + ") ";
            return " catch " + parameter + "{\n" + StatementTranslator.indent(body(only, null, returning)) + "\n}";
        }
        String parameter = bindings.size() == 1 ? bindings.iterator().next() : SHARED_BINDING;
        StringBuilder chain = new StringBuilder();
        boolean rethrow = true;
        for (Clause clause : clauses) {
            String code = StatementTranslator.indent(body(clause, parameter, returning));
            if (clause.catchesAll()) {
                chain.append(chain.isEmpty() ? "{\n" : " else {\n").append(code).append("\n}");
                rethrow = false;
                break;
            }
            List<String> tests = new ArrayList<>();
            for (Node c : clause.classes()) {
                tests.add(parameter + " instanceof " + expressions.translate(c, JsExpr.RELATIONAL + 1));
            }
            chain.append(chain.isEmpty() ? "" : " else ").append("if (").append(String.join(" || ", tests)).append(") {\n")
                    .append(code).append("\n}");
        }
        if (rethrow) {
            chain.append(" else {\n  throw ").append(parameter).append(";\n}");
        }
        return " catch (" + parameter + ") {\n" + StatementTranslator.indent(chain.toString()) + "\n}";
    }

    private String body(Clause clause, String parameter, boolean returning) {
        List<String> lines = new ArrayList<>();
        if (clause.binding() != null && parameter != null && !clause.binding().equals(parameter)) {
            lines.add("let " + clause.binding() + " = " + parameter + ";");
        }
        for (int i = 0; i < clause.body().size(); i++) {
            boolean last = i == clause.body().size() - 1;
            lines.add(last && returning ? statements.returning(clause.body().get(i)) : statements.statement(clause.body().get(i)));
        }
        return String.join("\n", lines);
    }
}
