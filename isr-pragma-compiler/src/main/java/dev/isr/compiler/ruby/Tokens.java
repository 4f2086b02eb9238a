package dev.isr.compiler.ruby;

import java.util.regex.Pattern;

/** Patterns that find the token a construct starts with, in the code of a line. */
final class Tokens {

    private Tokens() {
    }

    /** A bare name (local variable, receiverless call, keyword, constant), not preceded by {@code .}, {@code @} or {@code $}. */
    static Pattern word(String name) {
        return Pattern.compile("(?<![\\w@$.:]|::)(" + Pattern.quote(name) + ")" + wordEnd(name));
    }

    /** A constant, also after {@code ::}. */
    static Pattern constant(String name) {
        return Pattern.compile("(?<![\\w@$.])(" + Pattern.quote(name) + ")(?!\\w)");
    }

    /** The name of a method called on a receiver: after {@code .}, {@code &.} or {@code ::}. */
    static Pattern method(String name) {
        return Pattern.compile("(?:\\.|::)\\s*(" + Pattern.quote(name) + ")" + wordEnd(name));
    }

    static Pattern instanceVariable(String name) {
        return Pattern.compile("(?<![\\w@])(" + Pattern.quote(name) + ")(?!\\w)");
    }

    static Pattern classVariable(String name) {
        return Pattern.compile("(" + Pattern.quote(name) + ")(?!\\w)");
    }

    static Pattern global(String name) {
        return Pattern.compile("(" + Pattern.quote(name) + ")(?![\\w])");
    }

    /** Literal text, such as an operator or a delimiter. */
    static Pattern text(String text) {
        return Pattern.compile("(" + Pattern.quote(text) + ")");
    }

    private static String wordEnd(String name) {
        char last = name.charAt(name.length() - 1);
        return last == '?' || last == '!' || last == '=' ? "(?!\\w)" : "(?![\\w?!])";
    }
}
