package dev.isr.compiler.ruby;

/**
 * A translated JavaScript expression and the precedence of its outermost operator, so that a parent wraps it
 * in parentheses only where JavaScript needs them.
 */
record JsExpr(String code, int precedence) {

    // JavaScript operator precedence, higher binds tighter (as in the MDN table)
    static final int ASSIGNMENT = 2; // also ?:, =>, spread
    static final int OR = 3;
    static final int AND = 4;
    static final int BIT_OR = 5;
    static final int BIT_XOR = 6;
    static final int BIT_AND = 7;
    static final int EQUALITY = 8;
    static final int RELATIONAL = 9;
    static final int SHIFT = 10;
    static final int ADDITIVE = 11;
    static final int MULTIPLICATIVE = 12;
    static final int EXPONENT = 13;
    static final int UNARY = 14; // !, -, typeof, await
    static final int NEW_WITHOUT_ARGUMENTS = 16;
    static final int MEMBER = 17; // a.b, a?.b, a[b], f(), new A()
    static final int PRIMARY = 18;

    static JsExpr primary(String code) {
        return new JsExpr(code, PRIMARY);
    }

    static JsExpr member(String code) {
        return new JsExpr(code, MEMBER);
    }

    /** The code, parenthesised when its precedence is below {@code minimum}. */
    String at(int minimum) {
        return precedence >= minimum ? code : "(" + code + ")";
    }

    /** The logical negation, as short as JavaScript allows. */
    JsExpr negated() {
        return new JsExpr("!" + at(UNARY), UNARY);
    }
}
