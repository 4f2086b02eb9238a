package dev.isr.compiler.ruby;

import java.util.ArrayList;
import java.util.List;
import org.jruby.ast.BlockNode;
import org.jruby.ast.CaseNode;
import org.jruby.ast.ClassVarNode;
import org.jruby.ast.ConstNode;
import org.jruby.ast.DStrNode;
import org.jruby.ast.DVarNode;
import org.jruby.ast.FalseNode;
import org.jruby.ast.FixnumNode;
import org.jruby.ast.FloatNode;
import org.jruby.ast.InstVarNode;
import org.jruby.ast.ListNode;
import org.jruby.ast.LocalVarNode;
import org.jruby.ast.NilNode;
import org.jruby.ast.Node;
import org.jruby.ast.StrNode;
import org.jruby.ast.SymbolNode;
import org.jruby.ast.TrueNode;
import org.jruby.ast.WhenNode;

/**
 * {@code case/when}. With a subject, Ruby compares each {@code when} value with {@code ===}; for literals that
 * is equality, which JavaScript's {@code switch} (strict equality) shares, so literal {@code when}s become a
 * {@code switch}, as in Ruby2JS. A class, range or regexp {@code when} matches differently and is an error.
 * Without a subject, the {@code when}s are conditions: an if/else chain. As a value: a chain of ternaries.
 */
final class CaseTranslator {

    private record When(List<Node> values, Node body) {
    }

    private final TranslationContext context;
    private final ExpressionTranslator expressions;
    private final StatementTranslator statements;

    CaseTranslator(TranslationContext context, ExpressionTranslator expressions, StatementTranslator statements) {
        this.context = context;
        this.expressions = expressions;
        this.statements = statements;
    }

    boolean isExpression(CaseNode node) {
        Node subject = node.getCaseNode();
        boolean simpleSubject = subject == null || subject instanceof LocalVarNode || subject instanceof DVarNode
                || subject instanceof InstVarNode || subject instanceof ClassVarNode || subject instanceof ConstNode;
        if (!simpleSubject || !isValue(node.getElseNode())) {
            return false;
        }
        for (Node w : node.getCases().children()) {
            if (!isValue(((WhenNode) w).getBodyNode())) {
                return false;
            }
        }
        return true;
    }

    private boolean isValue(Node body) {
        return !(body instanceof BlockNode) && statements.isExpression(body);
    }

    /** A chain of ternaries: {@code x === 1 || x === 2 ? "a" : x === 3 ? "b" : null}. */
    JsExpr expression(CaseNode node) {
        if (!isExpression(node)) {
            throw context.untranslatable(node, Tokens.word("case"), "a `case` used as a value needs a variable as its"
                    + " subject and one expression per branch; assign inside the branches instead");
        }
        String subject = node.getCaseNode() == null ? null : expressions.translate(node.getCaseNode()).code();
        StringBuilder out = new StringBuilder();
        for (When when : whens(node, subject != null)) {
            out.append(test(when, subject)).append(" ? ").append(value(when.body())).append(" : ");
        }
        out.append(value(node.getElseNode()));
        return new JsExpr(out.toString(), JsExpr.ASSIGNMENT);
    }

    private String value(Node body) {
        return body == null ? "null" : expressions.translate(body, JsExpr.ASSIGNMENT);
    }

    String statement(CaseNode node, boolean returning) {
        if (node.getCaseNode() == null) {
            return ifChain(node, returning);
        }
        String subject = expressions.translate(node.getCaseNode()).code();
        List<String> lines = new ArrayList<>();
        context.scope().enterSwitch();
        try {
            for (When when : whens(node, true)) {
                for (Node value : when.values()) {
                    lines.add("case " + expressions.translate(value).code() + ":");
                }
                lines.add(StatementTranslator.indent(caseBody(when.body(), returning)));
            }
            if (node.getElseNode() != null) {
                lines.add("default:");
                lines.add(StatementTranslator.indent(statements.block(node.getElseNode(), returning)));
            }
        } finally {
            context.scope().leaveLoopOrSwitch();
        }
        return "switch (" + subject + ") {\n" + StatementTranslator.indent(String.join("\n", lines)) + "\n}";
    }

    /** A case's statements, then {@code break} unless they already left the function. */
    private String caseBody(Node body, boolean returning) {
        String code = statements.block(body, returning);
        String lastLine = code.substring(code.lastIndexOf('\n') + 1).strip();
        if (lastLine.startsWith("return") || lastLine.startsWith("throw ")) {
            return code;
        }
        return code.isEmpty() ? "break;" : code + "\nbreak;";
    }

    private String ifChain(CaseNode node, boolean returning) {
        StringBuilder out = new StringBuilder();
        for (When when : whens(node, false)) {
            out.append(out.isEmpty() ? "" : " else ").append("if (").append(test(when, null)).append(") {\n")
                    .append(StatementTranslator.indent(statements.block(when.body(), returning))).append("\n}");
        }
        if (node.getElseNode() != null) {
            out.append(" else {\n").append(StatementTranslator.indent(statements.block(node.getElseNode(), returning))).append("\n}");
        }
        return out.toString();
    }

    /** {@code x === 1 || x === 2}, or the conditions themselves when the case has no subject. */
    private String test(When when, String subject) {
        List<String> tests = new ArrayList<>();
        for (Node value : when.values()) {
            tests.add(subject == null ? expressions.translate(value, JsExpr.OR)
                    : subject + " === " + expressions.translate(value, JsExpr.EQUALITY + 1));
        }
        return String.join(" || ", tests);
    }

    /** The whens with their values; JRuby splits {@code when 1, 2} into one when per value sharing one body. */
    private List<When> whens(CaseNode node, boolean literalValues) {
        List<When> whens = new ArrayList<>();
        for (Node child : node.getCases().children()) {
            WhenNode when = (WhenNode) child;
            List<Node> values = new ArrayList<>();
            Node expressionNodes = when.getExpressionNodes();
            if (expressionNodes instanceof ListNode list && !(expressionNodes instanceof DStrNode)) {
                values.addAll(java.util.Arrays.asList(list.children()));
            } else {
                values.add(expressionNodes);
            }
            for (Node value : values) {
                if (literalValues && !isLiteral(value)) {
                    throw context.untranslatable(when, Tokens.word("when"), "`when` compares with Ruby's `===`, which"
                            + " for anything but a literal (a class, a range, a regexp, a variable) is not JavaScript's"
                            + " equality; write `if`/`elsif` with an explicit test");
                }
            }
            When last = whens.isEmpty() ? null : whens.get(whens.size() - 1);
            if (last != null && last.body() == when.getBodyNode()) {
                last.values().addAll(values);
            } else {
                whens.add(new When(values, when.getBodyNode()));
            }
        }
        return whens;
    }

    private static boolean isLiteral(Node node) {
        return node instanceof StrNode || node instanceof SymbolNode || node instanceof FixnumNode
                || node instanceof FloatNode || node instanceof NilNode || node instanceof TrueNode
                || node instanceof FalseNode;
    }
}
