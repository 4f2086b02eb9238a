package dev.isr.compiler.ruby;

import java.util.Map;
import org.jruby.ast.ArrayNode;
import org.jruby.ast.CallNode;
import org.jruby.ast.Node;

/**
 * Ruby's operator methods as JavaScript operators. Ruby has already decided how the operands group; the
 * translation keeps that grouping and adds parentheses only where JavaScript's precedence would regroup.
 * As in Ruby2JS, {@code ==} stays {@code ==}, {@code /} and {@code %} keep JavaScript's number semantics,
 * {@code str =~ re} is {@code re.test(str)}.
 */
final class OperatorTranslator {

    private record Binary(int precedence, boolean rightAssociative) {
    }

    private static final Map<String, Binary> BINARY = Map.ofEntries(
            Map.entry("**", new Binary(JsExpr.EXPONENT, true)),
            Map.entry("*", new Binary(JsExpr.MULTIPLICATIVE, false)),
            Map.entry("/", new Binary(JsExpr.MULTIPLICATIVE, false)),
            Map.entry("%", new Binary(JsExpr.MULTIPLICATIVE, false)),
            Map.entry("+", new Binary(JsExpr.ADDITIVE, false)),
            Map.entry("-", new Binary(JsExpr.ADDITIVE, false)),
            Map.entry(">>", new Binary(JsExpr.SHIFT, false)),
            Map.entry("<", new Binary(JsExpr.RELATIONAL, false)),
            Map.entry("<=", new Binary(JsExpr.RELATIONAL, false)),
            Map.entry(">", new Binary(JsExpr.RELATIONAL, false)),
            Map.entry(">=", new Binary(JsExpr.RELATIONAL, false)),
            Map.entry("==", new Binary(JsExpr.EQUALITY, false)),
            Map.entry("!=", new Binary(JsExpr.EQUALITY, false)),
            Map.entry("&", new Binary(JsExpr.BIT_AND, false)),
            Map.entry("^", new Binary(JsExpr.BIT_XOR, false)),
            Map.entry("|", new Binary(JsExpr.BIT_OR, false)));

    private final TranslationContext context;
    private final ExpressionTranslator expressions;

    OperatorTranslator(TranslationContext context, ExpressionTranslator expressions) {
        this.context = context;
        this.expressions = expressions;
    }

    /** The operator expression, or null when the call is not an operator. */
    JsExpr translate(CallNode call) {
        String name = RubyNames.of(call);
        Node receiver = call.getReceiverNode();
        if (call.getIterNode() != null) {
            return null;
        }
        if (call.getArgsNode() == null) {
            return switch (name) {
                case "!" -> expressions.translate(receiver).negated();
                case "-@" -> unary("-", receiver);
                case "+@" -> unary("+", receiver);
                case "~" -> unary("~", receiver);
                default -> null;
            };
        }
        if (!(call.getArgsNode() instanceof ArrayNode args) || args.size() != 1) {
            return null;
        }
        Node argument = args.get(0);
        switch (name) {
            case "=~" -> {
                String subject = expressions.translate(receiver, JsExpr.ASSIGNMENT);
                return JsExpr.member(expressions.translate(argument, JsExpr.MEMBER) + ".test(" + subject + ")");
            }
            case "!~" -> {
                String subject = expressions.translate(receiver, JsExpr.ASSIGNMENT);
                return new JsExpr("!" + expressions.translate(argument, JsExpr.MEMBER) + ".test(" + subject + ")", JsExpr.UNARY);
            }
            case "<<" -> throw context.untranslatable(call, Tokens.text("<<"),
                    "`<<` inside an expression is ambiguous in JavaScript (a shift, not an append); append in a statement"
                            + " of its own (`list << x` becomes `list.push(x)`)");
            case "===" -> throw context.untranslatable(call, Tokens.text("==="),
                    "`===` is Ruby's case equality (class, range and pattern matching), which JavaScript's `===` is not;"
                            + " use `is_a?`, a comparison or `match?`");
            case "<=>" -> throw context.untranslatable(call, Tokens.text("<=>"),
                    "`<=>` has no JavaScript operator; compare with `<` and `>`");
            case "%" -> {
                if (CallTranslator.isStringLiteral(receiver)) {
                    throw context.untranslatable(call, Tokens.text("%"),
                            "a format string (`\"...\" % args`) has no JavaScript equivalent; use interpolation (\"#{x}\")");
                }
            }
            default -> {
            }
        }
        Binary binary = BINARY.get(name);
        if (binary == null) {
            return null;
        }
        int p = binary.precedence();
        // JavaScript rejects an unparenthesised unary operand on the left of **
        String left = expressions.translate(receiver, binary.rightAssociative() ? JsExpr.UNARY + 1 : p);
        String right = expressions.translate(argument, binary.rightAssociative() ? p : p + 1);
        return new JsExpr(left + " " + name + " " + right, p);
    }

    private JsExpr unary(String operator, Node operand) {
        String code = expressions.translate(operand, JsExpr.UNARY);
        // `- -x` must not become the decrement `--x`
        if (code.startsWith(operator)) {
            code = "(" + code + ")";
        }
        return new JsExpr(operator + code, JsExpr.UNARY);
    }
}
