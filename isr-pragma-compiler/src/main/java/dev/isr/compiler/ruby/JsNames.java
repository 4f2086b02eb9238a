package dev.isr.compiler.ruby;

import dev.isr.compiler.escape.JsEscaper;
import java.util.Set;
import java.util.regex.Pattern;

/** What JavaScript accepts as a name. */
final class JsNames {

    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

    /** Reserved words, strict-mode restrictions and globals that must not be rebound. */
    private static final Set<String> RESERVED = Set.of(
            "arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default",
            "delete", "do", "else", "enum", "eval", "export", "extends", "false", "finally", "for", "function", "if",
            "implements", "import", "in", "instanceof", "interface", "let", "new", "null", "package", "private",
            "protected", "public", "return", "static", "super", "switch", "this", "throw", "true", "try", "typeof",
            "undefined", "NaN", "Infinity", "var", "void", "while", "with", "yield");

    private JsNames() {
    }

    static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    static boolean isReserved(String name) {
        return RESERVED.contains(name);
    }

    /** {@code object.name}, or {@code object["name"]} when the name is not an identifier. */
    static String member(String object, String name) {
        return isIdentifier(name) ? object + "." + name : object + "[" + JsEscaper.stringLiteral(name) + "]";
    }

    /** An object literal key: bare when it is an identifier, else a string literal. */
    static String key(String name) {
        return isIdentifier(name) ? name : JsEscaper.stringLiteral(name);
    }

    /** Ruby2JS drops the {@code ?} and {@code !} that end a Ruby method name. */
    static String method(String rubyName) {
        int last = rubyName.length() - 1;
        boolean decorated = last > 0 && (rubyName.charAt(last) == '?' || rubyName.charAt(last) == '!');
        if (decorated && (Character.isLetterOrDigit(rubyName.charAt(last - 1)) || rubyName.charAt(last - 1) == '_')) {
            return rubyName.substring(0, last);
        }
        return rubyName;
    }
}
