package dev.isr.compiler.ruby;

import org.jruby.ast.ClassVarNode;
import org.jruby.ast.DVarNode;
import org.jruby.ast.DotNode;
import org.jruby.ast.FixnumNode;
import org.jruby.ast.InstVarNode;
import org.jruby.ast.LocalVarNode;
import org.jruby.ast.NilImplicitNode;
import org.jruby.ast.NilNode;
import org.jruby.ast.Node;

/**
 * Ruby ranges, where JavaScript has an equivalent: {@code (a..b).to_a} as {@code Array.from} and
 * {@code xs[a..b]} as {@code xs.slice}. JavaScript has no range type, so any other use is an error.
 */
final class RangeTranslator {

    private final TranslationContext context;
    private final ExpressionTranslator expressions;

    RangeTranslator(TranslationContext context, ExpressionTranslator expressions) {
        this.context = context;
        this.expressions = expressions;
    }

    /** {@code (1..3).to_a} is {@code Array.from({length: 3}, (_, i) => i + 1)}. */
    JsExpr array(DotNode range) {
        Node first = range.getBeginNode();
        Node last = range.getEndNode();
        if (!isSimple(first) || !isSimple(last)) {
            throw context.untranslatable(range, Tokens.text(".."),
                    "`(a..b).to_a` is translated for integer literals and variables only; assign the bounds to locals first");
        }
        String length;
        String offset;
        if (first instanceof FixnumNode from && last instanceof FixnumNode to) {
            length = Long.toString(Math.max(0, to.getValue() - from.getValue() + (range.isExclusive() ? 0 : 1)));
            offset = plus(from.getValue());
        } else {
            String from = expressions.translate(first, JsExpr.ADDITIVE + 1);
            String to = expressions.translate(last, JsExpr.ADDITIVE);
            long fromValue = first instanceof FixnumNode literal ? literal.getValue() : Long.MIN_VALUE;
            long extra = range.isExclusive() ? 0 : 1;
            if (fromValue == Long.MIN_VALUE) {
                length = to + " - " + from + (extra == 1 ? " + 1" : "");
                offset = " + " + from;
            } else {
                length = to + plus(extra - fromValue);
                offset = plus(fromValue);
            }
        }
        return JsExpr.member("Array.from({length: " + length + "}, (_, i) => i" + offset + ")");
    }

    /** The arguments of {@code slice} for {@code xs[a..b]}: Ruby's inclusive end is JavaScript's exclusive one. */
    String sliceArguments(DotNode range) {
        Node first = range.getBeginNode();
        Node last = range.getEndNode();
        boolean openStart = first == null || first instanceof NilNode || first instanceof NilImplicitNode;
        boolean openEnd = last == null || last instanceof NilNode || last instanceof NilImplicitNode;
        if (!(openStart || first instanceof FixnumNode) || !(openEnd || last instanceof FixnumNode)) {
            throw context.untranslatable(range, Tokens.text(".."),
                    "`xs[a..b]` is translated for integer literal bounds only; use `xs.slice(a, b)`");
        }
        String start = openStart ? "0" : Long.toString(((FixnumNode) first).getValue());
        if (openEnd) {
            return start;
        }
        long end = ((FixnumNode) last).getValue();
        if (!range.isExclusive()) {
            if (end == -1) {
                return start;
            }
            end++;
        }
        return start + ", " + end;
    }

    /** Bounds read twice must not have side effects. */
    private static boolean isSimple(Node node) {
        return node instanceof FixnumNode || node instanceof LocalVarNode || node instanceof DVarNode
                || node instanceof InstVarNode || node instanceof ClassVarNode;
    }

    private static String plus(long value) {
        if (value == 0) {
            return "";
        }
        return value > 0 ? " + " + value : " - " + (-value);
    }
}
