package dev.isr.compiler.ruby;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jruby.ast.AndNode;
import org.jruby.ast.ArgsCatNode;
import org.jruby.ast.ArgsPushNode;
import org.jruby.ast.ArrayNode;
import org.jruby.ast.AttrAssignNode;
import org.jruby.ast.BeginNode;
import org.jruby.ast.BlockNode;
import org.jruby.ast.CallNode;
import org.jruby.ast.CaseNode;
import org.jruby.ast.ClassVarNode;
import org.jruby.ast.Colon2Node;
import org.jruby.ast.Colon3Node;
import org.jruby.ast.ConstNode;
import org.jruby.ast.DAsgnNode;
import org.jruby.ast.DVarNode;
import org.jruby.ast.FCallNode;
import org.jruby.ast.IfNode;
import org.jruby.ast.InstAsgnNode;
import org.jruby.ast.InstVarNode;
import org.jruby.ast.LambdaNode;
import org.jruby.ast.ListNode;
import org.jruby.ast.LocalAsgnNode;
import org.jruby.ast.LocalVarNode;
import org.jruby.ast.Match2Node;
import org.jruby.ast.Match3Node;
import org.jruby.ast.MultipleAsgnNode;
import org.jruby.ast.Node;
import org.jruby.ast.OpAsgnAndNode;
import org.jruby.ast.OpAsgnNode;
import org.jruby.ast.OpAsgnOrNode;
import org.jruby.ast.OpElementAsgnNode;
import org.jruby.ast.OrNode;
import org.jruby.ast.SplatNode;
import org.jruby.ast.StarNode;
import org.jruby.ast.VCallNode;
import org.jruby.ast.types.INameNode;

/**
 * Translates Ruby expressions to JavaScript expressions, following Ruby2JS's core converter. Variables,
 * assignments and logic are handled here; literals, calls, functions, statements and {@code case} by their own
 * translators.
 */
final class ExpressionTranslator {

    /**
     * Expressions nested deeper than this are refused: translation recurses per level, and a deep enough page
     * would otherwise overflow the stack of whatever thread runs the build.
     */
    static final int MAX_NESTING = 200;
    private static final Pattern ANY_TOKEN = Pattern.compile("\\S");

    /** Ruby operators that have a compound assignment with the same meaning in JavaScript. */
    private static final Set<String> COMPOUND_OPERATORS = Set.of("+", "-", "*", "/", "%", "**", "<<", ">>", "&", "|", "^");

    private final TranslationContext context;
    private final RequestStateGuard guard;
    private final LiteralTranslator literals;
    private final StatementTranslator statements;
    private final FunctionTranslator functions;
    private final CallTranslator calls;
    private final CaseTranslator cases;
    private int nesting;

    ExpressionTranslator(TranslationContext context) {
        this.context = context;
        this.guard = new RequestStateGuard(context);
        this.literals = new LiteralTranslator(context, this);
        this.statements = new StatementTranslator(context, this);
        this.functions = new FunctionTranslator(context, this, statements);
        this.calls = new CallTranslator(context, this, functions, guard);
        this.cases = new CaseTranslator(context, this, statements);
    }

    StatementTranslator statements() {
        return statements;
    }

    CaseTranslator cases() {
        return cases;
    }

    LiteralTranslator literals() {
        return literals;
    }

    /** The expression, parenthesised when its precedence is below {@code minimum}. */
    String translate(Node node, int minimum) {
        return translate(node).at(minimum);
    }

    JsExpr translate(Node node) {
        if (nesting == MAX_NESTING) {
            throw context.untranslatable(node, ANY_TOKEN, "this expression nests more than " + MAX_NESTING
                    + " levels deep; split it into smaller statements");
        }
        nesting++;
        try {
            return translateNode(node);
        } finally {
            nesting--;
        }
    }

    private JsExpr translateNode(Node node) {
        if (node instanceof BeginNode begin && !(begin.getBodyNode() instanceof BlockNode)) {
            return translate(begin.getBodyNode());
        }
        if (node instanceof ArgsCatNode || node instanceof ArgsPushNode || node instanceof SplatNode) {
            // `x = *ys` and `[1, *ys, 2]` build arrays
            return JsExpr.primary("[" + String.join(", ", elements(node)) + "]");
        }
        if (node instanceof org.jruby.ast.FileNode) {
            // JRuby's __FILE__ is a string node holding the build-time path
            throw RejectedConstructs.reject(context, node);
        }
        if (LiteralTranslator.handles(node)) {
            return literals.translate(node);
        }
        if (node instanceof LocalVarNode || node instanceof DVarNode) {
            return JsExpr.primary(RubyNames.of((INameNode) node));
        }
        if (node instanceof InstVarNode ivar) {
            return dataRead(ivar);
        }
        if (node instanceof ClassVarNode cvar) {
            String name = RubyNames.of(cvar).substring(2);
            guard.routeParam(name, context.locate(Tokens.classVariable("@@" + name), cvar));
            return JsExpr.member(JsNames.member("params", name));
        }
        if (node instanceof LocalAsgnNode || node instanceof DAsgnNode) {
            return localAssignment(node);
        }
        if (node instanceof InstAsgnNode assignment) {
            String name = dataAssignment(assignment);
            return new JsExpr(name + " = " + translate(assignment.getValueNode(), JsExpr.ASSIGNMENT), JsExpr.ASSIGNMENT);
        }
        if (node instanceof Colon2Node colon2 && colon2.getLeftNode() != null) {
            return JsExpr.member(translate(colon2.getLeftNode(), JsExpr.MEMBER) + "." + RubyNames.of(colon2));
        }
        if (node instanceof ConstNode || node instanceof Colon3Node) {
            return JsExpr.primary(RubyNames.of((INameNode) node));
        }
        if (node instanceof AndNode and) {
            return binary(and.getFirstNode(), "&&", and.getSecondNode(), JsExpr.AND);
        }
        if (node instanceof OrNode or) {
            return binary(or.getFirstNode(), "||", or.getSecondNode(), JsExpr.OR);
        }
        if (node instanceof IfNode conditional) {
            return ternary(conditional);
        }
        if (node instanceof CaseNode caseNode) {
            return cases.expression(caseNode);
        }
        if (node instanceof OpAsgnOrNode || node instanceof OpAsgnAndNode) {
            return logicalAssignment(node);
        }
        if (node instanceof OpAsgnNode || node instanceof OpElementAsgnNode) {
            return calls.operatorAssignment(node);
        }
        if (node instanceof MultipleAsgnNode masgn) {
            return multipleAssignment(masgn);
        }
        if ((node instanceof Match2Node && !(node instanceof org.jruby.ast.Match2CaptureNode)) || node instanceof Match3Node) {
            return regexpTest(node);
        }
        if (node instanceof LambdaNode lambda) {
            return functions.lambda(lambda);
        }
        if (node instanceof CallNode || node instanceof FCallNode || node instanceof VCallNode
                || node instanceof AttrAssignNode) {
            return calls.translate(node);
        }
        throw RejectedConstructs.reject(context, node);
    }

    /** {@code s =~ /re/} and {@code /re/ =~ s} are {@code /re/.test(s)}, as Ruby2JS writes them: true where Ruby gives an index. */
    private JsExpr regexpTest(Node node) {
        // JRuby: Match2 is `/re/ =~ value` (receiver the regexp), Match3 is `receiver =~ /re/` (value the regexp)
        Node regexp = node instanceof Match2Node match ? match.getReceiverNode() : ((Match3Node) node).getValueNode();
        Node subject = node instanceof Match2Node match ? match.getValueNode() : ((Match3Node) node).getReceiverNode();
        boolean regexpFirst = node instanceof Match2Node;
        // translate in source order: the regexp comes first in `/re/ =~ s`, last in `s =~ /re/`
        String first = translate(regexpFirst ? regexp : subject, regexpFirst ? JsExpr.MEMBER : JsExpr.ASSIGNMENT);
        String second = translate(regexpFirst ? subject : regexp, regexpFirst ? JsExpr.ASSIGNMENT : JsExpr.MEMBER);
        return regexpFirst ? JsExpr.member(first + ".test(" + second + ")") : JsExpr.member(second + ".test(" + first + ")");
    }

    /** {@code left op right} for a left-associative operator of the given precedence. */
    JsExpr binary(Node left, String operator, Node right, int precedence) {
        return new JsExpr(translate(left, precedence) + " " + operator + " " + translate(right, precedence + 1), precedence);
    }

    /** Arguments or array elements: {@code *x} spreads, a trailing {@code key: value} hash is an object. */
    List<String> elements(Node node) {
        List<String> out = new ArrayList<>();
        if (node instanceof ArgsCatNode cat) {
            out.addAll(elements(cat.getFirstNode()));
            out.add(element(cat.getSecondNode() instanceof SplatNode ? cat.getSecondNode() : new SplatNode(cat.getLine(), cat.getSecondNode())));
        } else if (node instanceof ArgsPushNode push) {
            out.addAll(elements(push.getFirstNode()));
            out.add(element(push.getSecondNode()));
        } else if (node instanceof ListNode list && !(node instanceof org.jruby.ast.DStrNode)) {
            for (Node child : list.children()) {
                out.add(element(child));
            }
        } else if (node != null) {
            out.add(element(node));
        }
        return out;
    }

    private String element(Node node) {
        if (node instanceof SplatNode splat) {
            return "..." + translate(splat.getValue(), JsExpr.ASSIGNMENT);
        }
        return translate(node, JsExpr.ASSIGNMENT);
    }

    private JsExpr dataRead(InstVarNode ivar) {
        String name = RubyNames.of(ivar).substring(1);
        context.readData(name, context.locate(Tokens.instanceVariable("@" + name), ivar));
        return JsExpr.primary(name);
    }

    /** Records the assignment of {@code @name} and returns the JavaScript name. */
    String dataAssignment(InstAsgnNode assignment) {
        String name = RubyNames.of(assignment).substring(1);
        context.assignedData(name, context.locate(Tokens.instanceVariable("@" + name), assignment));
        return name;
    }

    /** Records the assignment of a local and returns its name; the statement translator decides about {@code let}. */
    String localTarget(Node assignment) {
        String name = RubyNames.of((INameNode) assignment);
        SourceText.Position at = context.locate(Tokens.word(name), assignment);
        localName(name, at);
        return name;
    }

    /** Checks a name that becomes a JavaScript binding (a local or a parameter). */
    void localName(String name, SourceText.Position at) {
        if (JsNames.isReserved(name) || name.equals("params")) {
            String why = name.equals("params") ? "it would hide the route params (`params`)"
                    : "`" + name + "` is a reserved word in JavaScript";
            throw new Untranslatable(at, "the local variable `" + name + "` cannot keep its name: " + why + "; rename it");
        }
        context.assignedLocal(name, at);
    }

    private JsExpr localAssignment(Node node) {
        String name = localTarget(node);
        Node value = ((org.jruby.ast.AssignableNode) node).getValueNode();
        // JRuby parses `x += 1` as `x = x + 1`; both read best as the compound assignment
        if (value instanceof CallNode call && call.getReceiverNode() instanceof INameNode receiver
                && (call.getReceiverNode() instanceof LocalVarNode || call.getReceiverNode() instanceof DVarNode)
                && RubyNames.of(receiver).equals(name) && COMPOUND_OPERATORS.contains(RubyNames.of(call))
                && call.getArgsNode() instanceof ArrayNode args && args.size() == 1 && call.getIterNode() == null) {
            return new JsExpr(name + " " + RubyNames.of(call) + "= " + translate(args.get(0), JsExpr.ASSIGNMENT), JsExpr.ASSIGNMENT);
        }
        return new JsExpr(name + " = " + translate(value, JsExpr.ASSIGNMENT), JsExpr.ASSIGNMENT);
    }

    /**
     * {@code x ||= v} becomes {@code x ??= v}: Ruby assigns when x is nil or false, JavaScript's {@code ??=} when it
     * is null or undefined, {@code ||=} when it is any falsy value (0, "", NaN too, which Ruby keeps). Data rarely
     * holds false and often holds 0 or "", so {@code ??=} is the faithful choice. {@code &&=} maps to {@code &&=}.
     */
    private JsExpr logicalAssignment(Node node) {
        boolean or = node instanceof OpAsgnOrNode;
        Node assignment = or ? ((OpAsgnOrNode) node).getSecondNode() : ((OpAsgnAndNode) node).getSecondNode();
        String operator = or ? " ??= " : " &&= ";
        if (assignment instanceof InstAsgnNode data) {
            return new JsExpr(dataAssignment(data) + operator + translate(data.getValueNode(), JsExpr.ASSIGNMENT), JsExpr.ASSIGNMENT);
        }
        if (assignment instanceof LocalAsgnNode || assignment instanceof DAsgnNode) {
            Node value = ((org.jruby.ast.AssignableNode) assignment).getValueNode();
            return new JsExpr(localTarget(assignment) + operator + translate(value, JsExpr.ASSIGNMENT), JsExpr.ASSIGNMENT);
        }
        throw RejectedConstructs.reject(context, assignment);
    }

    private JsExpr ternary(IfNode conditional) {
        if (conditional.getThenBody() instanceof BlockNode || conditional.getElseBody() instanceof BlockNode) {
            throw context.untranslatable(conditional, Tokens.word("if"),
                    "an `if` with several statements in a branch cannot be used as a value; assign inside the branches");
        }
        String condition = translate(conditional.getCondition(), JsExpr.OR);
        return new JsExpr(condition + " ? " + branch(conditional.getThenBody()) + " : " + branch(conditional.getElseBody()),
                JsExpr.ASSIGNMENT);
    }

    private String branch(Node body) {
        return body == null ? "null" : translate(body, JsExpr.ASSIGNMENT);
    }

    /** {@code a, b = 1, 2} becomes {@code [a, b] = [1, 2]}; the statement translator adds {@code let} when all are new. */
    JsExpr multipleAssignment(MultipleAsgnNode masgn) {
        String targets = destructuringPattern(masgn);
        Node value = masgn.getValueNode();
        String values = value instanceof ArrayNode || value instanceof ArgsCatNode || value instanceof ArgsPushNode
                || value instanceof SplatNode
                ? "[" + String.join(", ", elements(value)) + "]"
                : translate(value, JsExpr.ASSIGNMENT);
        return new JsExpr(targets + " = " + values, JsExpr.ASSIGNMENT);
    }

    /** {@code [a, [b, c], ...rest]} for the targets of a multiple assignment or a block's parenthesised parameter. */
    String destructuringPattern(MultipleAsgnNode masgn) {
        List<String> targets = new ArrayList<>();
        addTargets(targets, masgn.getPre());
        if (masgn.getRest() != null && !(masgn.getRest() instanceof StarNode)) {
            targets.add("..." + target(masgn.getRest()));
        }
        if (masgn.getPost() != null) {
            throw context.untranslatable(masgn, Tokens.text("*"),
                    "targets after a `*rest` target cannot be destructured in JavaScript; put the rest last");
        }
        return "[" + String.join(", ", targets) + "]";
    }

    private void addTargets(List<String> targets, ListNode list) {
        if (list != null) {
            for (Node child : list.children()) {
                targets.add(target(child));
            }
        }
    }

    private String target(Node node) {
        if (node instanceof MultipleAsgnNode nested) {
            return destructuringPattern(nested);
        }
        if (node instanceof InstAsgnNode data) {
            return dataAssignment(data);
        }
        if (node instanceof LocalAsgnNode || node instanceof DAsgnNode) {
            return localTarget(node);
        }
        if (node instanceof org.jruby.ast.ArgumentNode argument) {
            String name = RubyNames.of(argument);
            localName(name, context.locate(Tokens.word(name), argument));
            return name;
        }
        if (node instanceof AttrAssignNode attribute) {
            return calls.assignmentTarget(attribute);
        }
        throw RejectedConstructs.reject(context, node);
    }
}
