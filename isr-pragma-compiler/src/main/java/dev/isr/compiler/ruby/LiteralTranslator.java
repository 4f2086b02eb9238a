package dev.isr.compiler.ruby;

import dev.isr.compiler.escape.JsEscaper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jruby.ast.ArrayNode;
import org.jruby.ast.DStrNode;
import org.jruby.ast.DSymbolNode;
import org.jruby.ast.EvStrNode;
import org.jruby.ast.FalseNode;
import org.jruby.ast.FixnumNode;
import org.jruby.ast.FloatNode;
import org.jruby.ast.HashNode;
import org.jruby.ast.NilImplicitNode;
import org.jruby.ast.NilNode;
import org.jruby.ast.Node;
import org.jruby.ast.RegexpNode;
import org.jruby.ast.StrNode;
import org.jruby.ast.SymbolNode;
import org.jruby.ast.TrueNode;
import org.jruby.ast.ZArrayNode;
import org.jruby.util.ByteList;
import org.jruby.util.KeyValuePair;

/**
 * Literals: nil, booleans, numbers, strings (interpolated ones become template literals), symbols (strings, as
 * in Ruby2JS), arrays, hashes (object literals) and regular expressions. Every string goes through
 * {@link JsEscaper}.
 */
final class LiteralTranslator {

    private final TranslationContext context;
    private final ExpressionTranslator expressions;
    private final RegexpTranslator regexps;

    LiteralTranslator(TranslationContext context, ExpressionTranslator expressions) {
        this.context = context;
        this.expressions = expressions;
        this.regexps = new RegexpTranslator(context);
    }

    static boolean handles(Node node) {
        return node instanceof NilNode || node instanceof TrueNode || node instanceof FalseNode
                || node instanceof FixnumNode || node instanceof FloatNode || node instanceof StrNode
                || node instanceof DStrNode || node instanceof SymbolNode || node instanceof DSymbolNode
                || node instanceof ArrayNode || node instanceof ZArrayNode || node instanceof HashNode
                || node instanceof RegexpNode;
    }

    JsExpr translate(Node node) {
        if (node instanceof NilNode || node instanceof NilImplicitNode) {
            return JsExpr.primary("null");
        }
        if (node instanceof TrueNode) {
            return JsExpr.primary("true");
        }
        if (node instanceof FalseNode) {
            return JsExpr.primary("false");
        }
        if (node instanceof FixnumNode number) {
            return number(Long.toString(number.getValue()), number.getValue() < 0);
        }
        if (node instanceof FloatNode number) {
            return number(Double.toString(number.getValue()), number.getValue() < 0 || 1 / number.getValue() < 0);
        }
        if (node instanceof StrNode string) {
            return JsExpr.primary(JsEscaper.stringLiteral(text(string.getValue(), string)));
        }
        if (node instanceof SymbolNode symbol) {
            return JsExpr.primary(JsEscaper.stringLiteral(RubyNames.of(symbol)));
        }
        if (node instanceof DStrNode || node instanceof DSymbolNode) {
            return JsExpr.primary("`" + templateContent(node) + "`");
        }
        if (node instanceof ArrayNode || node instanceof ZArrayNode) {
            return JsExpr.primary("[" + String.join(", ", expressions.elements(node)) + "]");
        }
        if (node instanceof HashNode hash) {
            return JsExpr.primary(object(hash));
        }
        return regexps.translate((RegexpNode) node);
    }

    /** Negative numbers bind like a unary minus: {@code (-1).abs}, {@code (-2) ** 2}. */
    private static JsExpr number(String code, boolean negative) {
        return new JsExpr(code, negative ? JsExpr.UNARY : JsExpr.PRIMARY);
    }

    /** The text of a string literal; a string that is not valid UTF-8 (binary data) has no JavaScript string. */
    String text(ByteList bytes, Node node) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.unsafeBytes(), bytes.begin(), bytes.realSize()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw context.untranslatable(node, Tokens.text("\""),
                    "this string is not valid UTF-8 (binary data), which a JavaScript string cannot hold");
        }
    }

    /** Template literal content: text escaped, interpolations as {@code ${...}}. */
    private String templateContent(Node node) {
        StringBuilder out = new StringBuilder();
        for (Node part : node.childNodes()) {
            if (part instanceof StrNode string) {
                out.append(JsEscaper.templateText(text(string.getValue(), string)));
            } else if (part instanceof EvStrNode interpolation) {
                if (interpolation.getBody() != null) {
                    out.append("${").append(expressions.translate(interpolation.getBody()).code()).append('}');
                }
            } else if (part instanceof DStrNode nested) {
                out.append(templateContent(nested));
            } else {
                // `#@name` interpolates a variable without braces
                out.append("${").append(expressions.translate(part).code()).append('}');
            }
        }
        return out.toString();
    }

    /** An object literal; keys that are identifiers stay bare, as Ruby2JS writes them. */
    private String object(HashNode hash) {
        List<String> entries = new ArrayList<>();
        for (KeyValuePair<Node, Node> pair : hash.getPairs()) {
            Node key = pair.getKey();
            String value = expressions.translate(pair.getValue(), JsExpr.ASSIGNMENT);
            if (key == null) {
                entries.add("..." + value);
            } else if (key instanceof SymbolNode symbol) {
                entries.add(JsNames.key(RubyNames.of(symbol)) + ": " + value);
            } else if (key instanceof StrNode string) {
                entries.add(JsNames.key(text(string.getValue(), string)) + ": " + value);
            } else if (key instanceof FixnumNode number && number.getValue() >= 0) {
                entries.add(number.getValue() + ": " + value);
            } else {
                entries.add("[" + expressions.translate(key, JsExpr.ASSIGNMENT) + "]: " + value);
            }
        }
        return "{" + String.join(", ", entries) + "}";
    }
}
