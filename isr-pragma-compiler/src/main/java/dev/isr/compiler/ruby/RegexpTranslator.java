package dev.isr.compiler.ruby;

import java.util.regex.Pattern;
import org.jruby.ast.RegexpNode;
import org.jruby.util.RegexpOptions;

/**
 * Ruby regular expression literals as JavaScript ones, where both engines mean the same. Ruby's {@code ^} and
 * {@code $} always match at line breaks, which JavaScript does with the {@code m} flag; Ruby's {@code m} flag
 * (dot matches a newline) is JavaScript's {@code s}. Syntax only Onigmo has is an error.
 */
final class RegexpTranslator {

    /** Onigmo syntax JavaScript lacks or reads differently. */
    private static final Pattern ONIGMO_ONLY = Pattern.compile(
            "\\\\[AzZhHGKRX]|\\\\p\\{|\\(\\?#|\\(\\?[imx-]+[:)]|[*+?}]\\+|\\[\\[:|\\(\\?>");

    private final TranslationContext context;

    RegexpTranslator(TranslationContext context) {
        this.context = context;
    }

    JsExpr translate(RegexpNode node) {
        String source = RubyNames.of(node.getValue());
        RegexpOptions options = node.getOptions();
        if (options.isExtended()) {
            throw context.untranslatable(node, Tokens.text("/"),
                    "the regular expression flag `x` (extended) has no JavaScript equivalent; remove the whitespace and comments");
        }
        java.util.regex.Matcher onigmo = ONIGMO_ONLY.matcher(source);
        if (onigmo.find()) {
            throw context.untranslatable(node, Tokens.text("/"), "the regular expression uses `" + onigmo.group()
                    + "`, which JavaScript regular expressions do not support");
        }
        StringBuilder flags = new StringBuilder();
        if (options.isIgnorecase()) {
            flags.append('i');
        }
        if (source.indexOf('^') >= 0 || source.indexOf('$') >= 0) {
            flags.append('m');
        }
        if (options.isMultiline()) {
            flags.append('s');
        }
        return JsExpr.primary("/" + escapedSource(source) + "/" + flags);
    }

    /** The pattern between JavaScript's slashes: unescaped slashes and line breaks escaped, never {@code </script}. */
    private static String escapedSource(String source) {
        if (source.isEmpty()) {
            return "(?:)";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                out.append(c).append(source.charAt(++i));
            } else if (c == '/') {
                out.append("\\/");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
