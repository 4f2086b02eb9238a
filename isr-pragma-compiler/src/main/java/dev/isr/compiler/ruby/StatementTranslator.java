package dev.isr.compiler.ruby;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jruby.ast.ArrayNode;
import org.jruby.ast.BeginNode;
import org.jruby.ast.BlockNode;
import org.jruby.ast.BreakNode;
import org.jruby.ast.CallNode;
import org.jruby.ast.CaseNode;
import org.jruby.ast.ConstDeclNode;
import org.jruby.ast.DAsgnNode;
import org.jruby.ast.EnsureNode;
import org.jruby.ast.FCallNode;
import org.jruby.ast.IfNode;
import org.jruby.ast.InstAsgnNode;
import org.jruby.ast.IterNode;
import org.jruby.ast.LambdaNode;
import org.jruby.ast.LocalAsgnNode;
import org.jruby.ast.MultipleAsgnNode;
import org.jruby.ast.NextNode;
import org.jruby.ast.Node;
import org.jruby.ast.RescueNode;
import org.jruby.ast.ReturnNode;
import org.jruby.ast.UntilNode;
import org.jruby.ast.WhileNode;
import org.jruby.ast.types.INameNode;

/**
 * Statements: declarations ({@code let} at a local's first assignment, hoisted out of {@code if}s and loops,
 * since Ruby scopes locals to the function and JavaScript to the braces), conditionals, loops,
 * {@code begin/rescue/ensure}, and the bodies of arrow functions with their implicit return.
 */
final class StatementTranslator {

    private final TranslationContext context;
    private final ExpressionTranslator expressions;
    private final RescueTranslator rescues;

    StatementTranslator(TranslationContext context, ExpressionTranslator expressions) {
        this.context = context;
        this.expressions = expressions;
        this.rescues = new RescueTranslator(context, expressions, this);
    }

    /** A statement directly in a function (or the data block): its new locals are declared here. */
    String frameStatement(Node node) {
        List<String> fresh = freshLocals(node);
        if ((node instanceof LocalAsgnNode || node instanceof DAsgnNode)
                && fresh.equals(List.of(RubyNames.of((INameNode) node)))) {
            context.scope().declare(fresh.get(0));
            return "let " + expressions.translate(node).code() + ";";
        }
        if (node instanceof MultipleAsgnNode masgn && !fresh.isEmpty() && fresh.size() == targetCount(masgn)) {
            fresh.forEach(context.scope()::declare);
            return "let " + expressions.translate(node).code() + ";";
        }
        if (node instanceof ConstDeclNode constant && context.scope().kind() == Scope.Kind.DATA_BLOCK
                && constant.getConstNode() == null) {
            return "const " + RubyNames.of(constant) + " = " + expressions.translate(constant.getValueNode(), JsExpr.ASSIGNMENT) + ";";
        }
        return declarations(fresh) + statement(node);
    }

    /** A statement nested in a conditional, loop or {@code begin}: its locals were declared by its frame statement. */
    String statement(Node node) {
        if (node == null) {
            return "";
        }
        if (node instanceof BlockNode block) {
            List<String> lines = new ArrayList<>();
            for (Node child : block.children()) {
                lines.add(statement(child));
            }
            return String.join("\n", lines);
        }
        if (node instanceof IfNode conditional) {
            return ifStatement(conditional, false);
        }
        if (node instanceof CaseNode caseNode) {
            return expressions.cases().statement(caseNode, false);
        }
        if (node instanceof WhileNode || node instanceof UntilNode) {
            return loop(node);
        }
        if (node instanceof BeginNode begin) {
            return statement(begin.getBodyNode());
        }
        if (node instanceof RescueNode || node instanceof EnsureNode) {
            return rescues.translate(node, false);
        }
        if (node instanceof ReturnNode || node instanceof NextNode || node instanceof BreakNode) {
            return jump(node);
        }
        if (node instanceof FCallNode fcall && RubyNames.of(fcall).equals("raise")) {
            return raise(fcall);
        }
        if (node instanceof CallNode call && RubyNames.of(call).equals("<<") && call.getArgsNode() instanceof ArrayNode args
                && args.size() == 1) {
            // Ruby2JS: `list << x` as a statement appends
            String list = expressions.translate(call.getReceiverNode(), JsExpr.MEMBER);
            return list + ".push(" + expressions.translate(args.get(0), JsExpr.ASSIGNMENT) + ");";
        }
        return expressionStatement(expressions.translate(node).code());
    }

    /** An expression as a statement; an object literal or arrow must not start it. */
    private static String expressionStatement(String code) {
        return (code.startsWith("{") ? "(" + code + ")" : code) + ";";
    }

    /**
     * The body of an arrow function: a single expression as a concise body, otherwise a block whose last
     * statement returns its value, as Ruby's blocks do.
     */
    String functionBody(Node body) {
        List<Node> list = body == null ? List.of()
                : body instanceof BlockNode block ? java.util.Arrays.asList(block.children()) : List.of(body);
        if (list.isEmpty()) {
            return "{}";
        }
        if (list.size() == 1 && isExpression(list.get(0)) && freshLocals(list.get(0)).isEmpty()) {
            String code = expressions.translate(list.get(0), JsExpr.ASSIGNMENT);
            return code.startsWith("{") ? "(" + code + ")" : code;
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < list.size() - 1; i++) {
            lines.add(frameStatement(list.get(i)));
        }
        lines.add(returning(list.get(list.size() - 1)));
        return "{\n" + indent(String.join("\n", lines)) + "\n}";
    }

    /** The last statement of a function, returning its value. */
    String returning(Node node) {
        if (node instanceof IfNode conditional && !isExpression(node)) {
            return declarations(freshLocals(node)) + ifStatement(conditional, true);
        }
        if (node instanceof CaseNode caseNode && !isExpression(node)) {
            return declarations(freshLocals(node)) + expressions.cases().statement(caseNode, true);
        }
        if (node instanceof LocalAsgnNode || node instanceof DAsgnNode || node instanceof InstAsgnNode) {
            String statement = frameStatement(node);
            String name = RubyNames.of((INameNode) node);
            return statement + "\nreturn " + (node instanceof InstAsgnNode ? name.substring(1) : name) + ";";
        }
        if (!isExpression(node)) {
            return frameStatement(node);
        }
        String declarations = declarations(freshLocals(node));
        return declarations + "return " + expressions.translate(node).code() + ";";
    }

    /** A body in braces, returning its last statement's value when {@code returning}. */
    String block(Node body, boolean returning) {
        if (body == null) {
            return "";
        }
        if (!returning) {
            return statement(body);
        }
        List<Node> list = body instanceof BlockNode block ? java.util.Arrays.asList(block.children()) : List.of(body);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < list.size() - 1; i++) {
            lines.add(statement(list.get(i)));
        }
        lines.add(returning(list.get(list.size() - 1)));
        return String.join("\n", lines);
    }

    private String ifStatement(IfNode node, boolean returning) {
        Node thenBody = node.getThenBody();
        Node elseBody = node.getElseBody();
        boolean unless = thenBody == null && elseBody != null;
        if (unless) {
            thenBody = elseBody;
            elseBody = null;
        }
        // a modifier (`x = 1 if y`) has its condition after the body: translate in source order
        boolean modifier = !startsWithKeyword(node);
        String thenCode = modifier ? block(thenBody, returning) : null;
        JsExpr condition = expressions.translate(node.getCondition());
        if (unless) {
            condition = condition.negated();
        }
        if (thenCode == null) {
            thenCode = block(thenBody, returning);
        }
        String head = "if (" + condition.code() + ")";
        boolean simple = elseBody == null && thenBody != null && !returning && !thenCode.contains("\n")
                && !(thenBody instanceof IfNode);
        if (simple) {
            return head + " " + thenCode;
        }
        StringBuilder out = new StringBuilder(head).append(" {\n").append(indent(thenCode)).append("\n}");
        if (elseBody instanceof IfNode elsif && startsWithKeyword(elsif)) {
            out.append(" else ").append(ifStatement(elsif, returning));
        } else if (elseBody != null) {
            out.append(" else {\n").append(indent(block(elseBody, returning))).append("\n}");
        }
        return out.toString();
    }

    private boolean startsWithKeyword(IfNode node) {
        String line = context.source().line(node.getLine()).strip();
        return line.startsWith("if ") || line.startsWith("unless ") || line.startsWith("elsif ")
                || line.startsWith("if(") || line.startsWith("elsif(") || line.startsWith("unless(");
    }

    private String loop(Node node) {
        boolean until = node instanceof UntilNode;
        Node condition = until ? ((UntilNode) node).getConditionNode() : ((WhileNode) node).getConditionNode();
        Node body = until ? ((UntilNode) node).getBodyNode() : ((WhileNode) node).getBodyNode();
        boolean atStart = until ? ((UntilNode) node).evaluateAtStart() : ((WhileNode) node).evaluateAtStart();
        JsExpr test = expressions.translate(condition);
        if (until) {
            test = test.negated();
        }
        context.scope().enterLoop();
        String code;
        try {
            code = indent(statement(body));
        } finally {
            context.scope().leaveLoopOrSwitch();
        }
        return atStart ? "while (" + test.code() + ") {\n" + code + "\n}"
                : "do {\n" + code + "\n} while (" + test.code() + ");";
    }

    private String jump(Node node) {
        Scope scope = context.scope();
        Node value = node instanceof ReturnNode r ? r.getValueNode() : node instanceof NextNode n ? n.getValueNode()
                : ((BreakNode) node).getValueNode();
        boolean hasValue = value != null && !(value instanceof org.jruby.ast.NilImplicitNode);
        String keyword = node instanceof ReturnNode ? "return" : node instanceof NextNode ? "next" : "break";
        if (node instanceof BreakNode) {
            if (scope.inLoop() && !scope.inSwitch() && !hasValue) {
                return "break;";
            }
            throw context.untranslatable(node, Tokens.word(keyword), scope.inSwitch()
                    ? "`break` inside a `case` inside a loop would leave the JavaScript switch, not the loop; use a flag"
                    : "`break` out of a block (or with a value) has no JavaScript equivalent; use `find`, `take_while` or a loop");
        }
        if (node instanceof NextNode && scope.inLoop()) {
            if (hasValue) {
                throw context.untranslatable(node, Tokens.word(keyword), "`next` with a value inside a loop has no meaning");
            }
            return "continue;";
        }
        boolean allowed = node instanceof ReturnNode ? scope.kind() == Scope.Kind.LAMBDA : scope.kind() != Scope.Kind.DATA_BLOCK;
        if (!allowed) {
            throw context.untranslatable(node, Tokens.word(keyword), node instanceof ReturnNode
                    ? (scope.kind() == Scope.Kind.DATA_BLOCK
                    ? "`return` would end the data block before it returns the page's data; use if/else"
                    : "`return` inside a block returns from the enclosing method in Ruby; use `next`")
                    : "`next` outside a block or loop has no meaning");
        }
        return hasValue ? "return " + expressions.translate(value).code() + ";" : "return;";
    }

    /** {@code raise "m"} and {@code raise X, "m"} throw Errors; {@code raise e} throws e. */
    private String raise(FCallNode raise) {
        context.locate(Tokens.word("raise"), raise);
        List<Node> args = raise.getArgsNode() == null ? List.of() : raise.getArgsNode().childNodes();
        if (args.size() == 1 && CallTranslator.isStringLiteral(args.get(0))) {
            return "throw new Error(" + expressions.translate(args.get(0), JsExpr.ASSIGNMENT) + ");";
        }
        if (args.size() == 1 && (args.get(0) instanceof org.jruby.ast.ConstNode || args.get(0) instanceof org.jruby.ast.Colon2Node)) {
            return "throw new " + expressions.translate(args.get(0)).code() + "();";
        }
        if (args.size() == 1) {
            return "throw " + expressions.translate(args.get(0), JsExpr.ASSIGNMENT) + ";";
        }
        if (args.size() == 2) {
            return "throw new " + expressions.translate(args.get(0), JsExpr.MEMBER) + "("
                    + expressions.translate(args.get(1), JsExpr.ASSIGNMENT) + ");";
        }
        throw context.untranslatable(raise, Tokens.word("raise"),
                "`raise` is translated with one argument (a message or an error) or two (a class and a message)");
    }

    /** Whether the node has a JavaScript expression form (no loop, jump, try or multi-statement branch). */
    boolean isExpression(Node node) {
        if (node == null) {
            return true;
        }
        if (node instanceof BeginNode begin) {
            return isExpression(begin.getBodyNode());
        }
        if (node instanceof IfNode conditional) {
            return !(conditional.getThenBody() instanceof BlockNode) && !(conditional.getElseBody() instanceof BlockNode)
                    && isExpression(conditional.getThenBody()) && isExpression(conditional.getElseBody());
        }
        if (node instanceof CaseNode caseNode) {
            return expressions.cases().isExpression(caseNode);
        }
        if (node instanceof FCallNode fcall && RubyNames.of(fcall).equals("raise")) {
            return false;
        }
        return !(node instanceof BlockNode || node instanceof WhileNode || node instanceof UntilNode
                || node instanceof RescueNode || node instanceof EnsureNode || node instanceof ReturnNode
                || node instanceof NextNode || node instanceof BreakNode);
    }

    /** The locals first assigned in the node (not inside its blocks and lambdas), in order. */
    List<String> freshLocals(Node node) {
        Set<String> out = new LinkedHashSet<>();
        collectFreshLocals(node, out);
        return new ArrayList<>(out);
    }

    private void collectFreshLocals(Node node, Set<String> out) {
        if (node == null || node instanceof IterNode || node instanceof LambdaNode) {
            return;
        }
        if (node instanceof LocalAsgnNode || node instanceof DAsgnNode) {
            Node value = ((org.jruby.ast.AssignableNode) node).getValueNode();
            if (RescueTranslator.isExceptionBinding(node)) {
                return;
            }
            String name = RubyNames.of((INameNode) node);
            if (!context.scope().isDeclared(name)) {
                out.add(name);
            }
            collectFreshLocals(value, out);
            return;
        }
        for (Node child : node.childNodes()) {
            collectFreshLocals(child, out);
        }
    }

    private int targetCount(MultipleAsgnNode masgn) {
        int count = 0;
        List<Node> targets = new ArrayList<>();
        if (masgn.getPre() != null) {
            targets.addAll(java.util.Arrays.asList(masgn.getPre().children()));
        }
        if (masgn.getRest() != null) {
            targets.add(masgn.getRest());
        }
        for (Node target : targets) {
            if (target instanceof MultipleAsgnNode nested) {
                count += targetCount(nested);
            } else if (target instanceof LocalAsgnNode || target instanceof DAsgnNode) {
                count++;
            } else {
                return -1;
            }
        }
        return count;
    }

    private String declarations(List<String> fresh) {
        fresh.forEach(context.scope()::declare);
        return fresh.isEmpty() ? "" : "let " + String.join(", ", fresh) + ";\n";
    }

    /** Two more spaces before every line. */
    static String indent(String code) {
        if (code.isEmpty()) {
            return code;
        }
        return "  " + code.replace("\n", "\n  ");
    }
}
